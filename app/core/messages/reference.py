"""Messages: reference pages."""

MESSAGES: dict[str, dict[str, str]] = {
}
