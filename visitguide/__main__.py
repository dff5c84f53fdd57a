from visitguide.entry import main

main()
