int *first = 0;
