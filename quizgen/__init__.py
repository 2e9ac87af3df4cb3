"""quizgen: grounded history questions from encyclopedia-style articles."""

__version__ = "0.1.0"
