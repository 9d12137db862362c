from cxaudit.cli import main

main()
