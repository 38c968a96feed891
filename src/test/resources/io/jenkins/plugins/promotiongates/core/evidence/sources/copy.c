#include <stdio.h>
#include <string.h>

/* A deliberately unsafe sample for the evidence tests. */
int main(int argc, char **argv) {
    char name[16];
    if (argc > 1) {
        strcpy(name, argv[1]);
        printf(argv[1]);
    }
    return 0;
}
