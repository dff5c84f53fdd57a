from visitguide.cli import main

main()
