"""Errors a user can cause; the CLI prints them as one line and the web shows them as a 4xx page."""


class QuizgenError(Exception):
    """Bad input or arguments, with a message that names the problem."""


class InputError(QuizgenError):
    """An article that cannot be read: missing, empty, binary, not UTF-8, too large, no paragraphs."""
