"""Errors a user can cause, with a message a person can act on."""


class UserError(Exception):
    """Bad input or a refused action; the message is shown as is (in Chinese)."""


class InvalidInput(UserError):
    """An input field is missing or out of range; the message names the field."""
