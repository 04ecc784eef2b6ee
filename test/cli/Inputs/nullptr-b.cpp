int *second = 0;
int *third = 0;
