"""`onlineveilig deel`: one small anonymous file for the organisation's prevention contact."""
