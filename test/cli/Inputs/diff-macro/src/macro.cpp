#define MAPS_HEADER "maps.h"
#include MAPS_HEADER

int use(Map &m) { return lookup(m, 1); }
