from onlineveilig.cli import main

main()
