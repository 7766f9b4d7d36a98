/*
 * The native peer of `npm run bench -- table-1000` (../shared/PERFORMANCE.md: "C, same fused
 * kernel, 2 threads (practical limit)"): the fused cross-tab count in plain C, compiled by the
 * benchmark with gcc -O3 -march=native, so that our table-1000 can be reported as a ratio to it
 * in the same run. A test tool: never shipped, never run by the app.
 *
 * Input (one binary file, little-endian, written by fusedCrosstabPeer.ts):
 *   u32 rows, u32 variables, u32 stubPacks, u32 bannerPacks
 *   per pack (stub packs, then banner packs): u32 members, then per member
 *     u32 variable index, u32 categories, u32 stride
 *   per variable: rows bytes of codes (1..categories; anything else is missing)
 *   rows doubles: the weights
 * Each respondent gets one joint code per pack (a digit per member: code − 1, or `categories`
 * when missing); each (stub pack × banner pack) joint table sums Σw, Σw² and n. As in our
 * kernel (assembly/crosstab.ts): the banner packs' joint codes are computed once, column by
 * column; the stub packs are the tasks that two threads take in turn; a task computes its joint
 * stub codes, then makes one pass over the rows per banner pack, scattering into that pair's
 * table (32-byte cells: Σw, Σw², n), so one table is in cache at a time. The joint tables are
 * then split into one table per (stub × banner variable).
 *
 * Output: one JSON line {"median_ms", "min_ms", "max_ms", "runs", "peak_rss_mb", "total_weight"};
 * total_weight is Σw over every single table's cells, a check that the work was done.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  uint32_t members;
  uint32_t *variable;
  uint32_t *categories;
  uint32_t *stride;
  uint32_t product;
} Pack;

static uint32_t rows, variables, stubPackCount, bannerPackCount;
static Pack *stubPacks, *bannerPacks;
static uint8_t **codes;
static double *weights;
static uint16_t **bannerCodes; /* per banner pack: rows joint codes */
static double *sums;           /* every pair's joint table: cells of Σw, Σw², n, (padding) */
static size_t *pairOffset;    /* cells before each pair's table */
static size_t totalCells;
static uint32_t nextTask;
static pthread_mutex_t taskLock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t readU32(FILE *file) {
  uint32_t value;
  if (fread(&value, 4, 1, file) != 1) {
    fprintf(stderr, "fusedCrosstab: input ends early\n");
    exit(2);
  }
  return value;
}

static void readPack(FILE *file, Pack *pack) {
  pack->members = readU32(file);
  pack->variable = malloc(pack->members * sizeof(uint32_t));
  pack->categories = malloc(pack->members * sizeof(uint32_t));
  pack->stride = malloc(pack->members * sizeof(uint32_t));
  pack->product = 1;
  for (uint32_t m = 0; m < pack->members; m++) {
    pack->variable[m] = readU32(file);
    pack->categories[m] = readU32(file);
    pack->stride[m] = readU32(file);
    pack->product *= pack->categories[m] + 1;
  }
}

static inline uint32_t jointCode(const Pack *pack, uint32_t row) {
  uint32_t code = 0;
  for (uint32_t m = 0; m < pack->members; m++) {
    uint32_t value = codes[pack->variable[m]][row];
    uint32_t k = pack->categories[m];
    uint32_t digit = value >= 1 && value <= k ? value - 1 : k;
    code += digit * pack->stride[m];
  }
  return code;
}

static void countStubPack(uint32_t s, uint16_t *stubCodes) {
  const Pack *pack = &stubPacks[s];
  for (uint32_t row = 0; row < rows; row++) stubCodes[row] = (uint16_t)jointCode(pack, row);
  for (uint32_t b = 0; b < bannerPackCount; b++) {
    double *table = sums + 4 * pairOffset[(size_t)s * bannerPackCount + b];
    const uint16_t *banner = bannerCodes[b];
    uint32_t width = bannerPacks[b].product;
    for (uint32_t row = 0; row < rows; row++) {
      double w = weights[row];
      double *cell = table + 4 * ((size_t)stubCodes[row] * width + banner[row]);
      cell[0] += w;
      cell[1] += w * w;
      cell[2] += 1;
    }
  }
}

static void *count(void *unused) {
  (void)unused;
  uint16_t *stubCodes = malloc((size_t)rows * sizeof(uint16_t));
  for (;;) {
    pthread_mutex_lock(&taskLock);
    uint32_t task = nextTask++;
    pthread_mutex_unlock(&taskLock);
    if (task >= stubPackCount) break;
    countStubPack(task, stubCodes);
  }
  free(stubCodes);
  return NULL;
}

/* Splits the joint tables into single tables (stub × banner variable) and returns Σw over them. */
static double split(void) {
  double total = 0;
  for (uint32_t s = 0; s < stubPackCount; s++) {
    const Pack *sp = &stubPacks[s];
    for (uint32_t b = 0; b < bannerPackCount; b++) {
      const Pack *bp = &bannerPacks[b];
      const double *joint = sums + 4 * pairOffset[(size_t)s * bannerPackCount + b];
      for (uint32_t i = 0; i < sp->members; i++) {
        for (uint32_t j = 0; j < bp->members; j++) {
          uint32_t rowsOut = sp->categories[i] + 1, colsOut = bp->categories[j] + 1;
          double *table = calloc((size_t)rowsOut * colsOut * 3, sizeof(double));
          for (uint32_t js = 0; js < sp->product; js++) {
            uint32_t r = js / sp->stride[i] % rowsOut;
            for (uint32_t jb = 0; jb < bp->product; jb++) {
              uint32_t c = jb / bp->stride[j] % colsOut;
              const double *from = joint + 4 * ((size_t)js * bp->product + jb);
              double *to = table + 3 * ((size_t)r * colsOut + c);
              to[0] += from[0];
              to[1] += from[1];
              to[2] += from[2];
            }
          }
          for (size_t cell = 0; cell < (size_t)rowsOut * colsOut; cell++) total += table[3 * cell];
          free(table);
        }
      }
    }
  }
  return total;
}

static double nowMs(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compareDoubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: fusedCrosstab INPUT RUNS\n");
    return 2;
  }
  FILE *file = fopen(argv[1], "rb");
  if (!file) {
    perror(argv[1]);
    return 2;
  }
  int runs = atoi(argv[2]);
  rows = readU32(file);
  variables = readU32(file);
  stubPackCount = readU32(file);
  bannerPackCount = readU32(file);
  if (stubPackCount > 256 || bannerPackCount > 256) {
    fprintf(stderr, "fusedCrosstab: at most 256 packs per side\n");
    return 2;
  }
  stubPacks = calloc(stubPackCount, sizeof(Pack));
  bannerPacks = calloc(bannerPackCount, sizeof(Pack));
  for (uint32_t s = 0; s < stubPackCount; s++) readPack(file, &stubPacks[s]);
  for (uint32_t b = 0; b < bannerPackCount; b++) readPack(file, &bannerPacks[b]);
  codes = malloc(variables * sizeof(uint8_t *));
  for (uint32_t v = 0; v < variables; v++) {
    codes[v] = malloc(rows);
    if (fread(codes[v], 1, rows, file) != rows) {
      fprintf(stderr, "fusedCrosstab: input ends early\n");
      return 2;
    }
  }
  weights = malloc(rows * sizeof(double));
  if (fread(weights, sizeof(double), rows, file) != rows) {
    fprintf(stderr, "fusedCrosstab: input ends early\n");
    return 2;
  }
  fclose(file);

  size_t pairs = (size_t)stubPackCount * bannerPackCount;
  pairOffset = malloc(pairs * sizeof(size_t));
  totalCells = 0;
  for (uint32_t s = 0; s < stubPackCount; s++)
    for (uint32_t b = 0; b < bannerPackCount; b++) {
      pairOffset[(size_t)s * bannerPackCount + b] = totalCells;
      totalCells += (size_t)stubPacks[s].product * bannerPacks[b].product;
    }

  double *times = malloc(runs * sizeof(double));
  double total = 0;
  for (int run = 0; run < runs; run++) {
    double started = nowMs();
    bannerCodes = malloc(bannerPackCount * sizeof(uint16_t *));
    for (uint32_t b = 0; b < bannerPackCount; b++) {
      bannerCodes[b] = malloc((size_t)rows * sizeof(uint16_t));
      for (uint32_t row = 0; row < rows; row++)
        bannerCodes[b][row] = (uint16_t)jointCode(&bannerPacks[b], row);
    }
    sums = calloc(totalCells * 4, sizeof(double));
    nextTask = 0;
    pthread_t helper;
    pthread_create(&helper, NULL, count, NULL);
    count(NULL);
    pthread_join(helper, NULL);
    total = split();
    free(sums);
    for (uint32_t b = 0; b < bannerPackCount; b++) free(bannerCodes[b]);
    free(bannerCodes);
    times[run] = nowMs() - started;
  }
  qsort(times, runs, sizeof(double), compareDoubles);
  double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
  /* VmHWM, not getrusage: Linux keeps ru_maxrss across exec, so that would be node's peak. */
  double peakMb = 0;
  FILE *status = fopen("/proc/self/status", "r");
  if (status) {
    char line[256];
    while (fgets(line, sizeof line, status))
      if (strncmp(line, "VmHWM:", 6) == 0) peakMb = atof(line + 6) / 1024.0;
    fclose(status);
  }
  printf("{\"median_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,\"runs\":%d,"
         "\"peak_rss_mb\":%.1f,\"total_weight\":%.6f}\n",
         median, times[0], times[runs - 1], runs, peakMb, total);
  return 0;
}
