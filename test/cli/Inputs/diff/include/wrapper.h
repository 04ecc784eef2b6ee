#pragma once
#include "util.h"
