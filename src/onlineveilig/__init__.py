"""onlineveilig: a monthly self-check of your online safety, for care, welfare and youth workers."""

__version__ = "0.1.0"
