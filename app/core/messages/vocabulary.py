"""Messages: vocabulary."""

MESSAGES: dict[str, dict[str, str]] = {
}
