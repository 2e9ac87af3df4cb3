"""The quizgen web app: library, quizzes, flashcards and downloads (see web.app.create_app)."""
