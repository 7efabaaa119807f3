"""``python -m qa`` is the same as the ``mtqa`` console script."""

from qa.cli import main

if __name__ == "__main__":
    main(prog_name="mtqa")
