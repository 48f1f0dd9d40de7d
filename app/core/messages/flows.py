"""Messages: flows pages."""

MESSAGES: dict[str, dict[str, str]] = {
}
