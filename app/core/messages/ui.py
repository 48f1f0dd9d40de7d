"""Messages: ui."""

MESSAGES: dict[str, dict[str, str]] = {
}
