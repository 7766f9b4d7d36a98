# Seeded test data for the RIM weighting references: three "countries" of different sizes with
# age (4 bands), gender, region (5, ~3 % missing), internet use (~2 % missing), a "don't know"
# code 9 on internet for a few rows, and a base weight. Skewed on purpose so raking moves weights
# well away from 1. Run from anywhere: Rscript test/reference/weights/make-seeded-sample.R
# Writes seeded-sample.csv beside this script (committed; the tests read it, R is not needed).

here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
set.seed(20240611)

sizes <- c(`1` = 500, `2` = 400, `3` = 300)
rows <- list()
for (country in names(sizes)) {
  n <- sizes[[country]]
  shift <- as.integer(country)
  age <- sample(1:4, n, replace = TRUE, prob = c(0.12, 0.22 + 0.03 * shift, 0.34, 0.32 - 0.03 * shift))
  gender <- sample(1:2, n, replace = TRUE, prob = c(0.42 + 0.04 * shift, 0.58 - 0.04 * shift))
  region <- sample(1:5, n, replace = TRUE, prob = c(0.35, 0.25, 0.15, 0.15, 0.10))
  # Internet use depends on age, so the raking variables are correlated as in real samples.
  internet <- ifelse(runif(n) < c(0.95, 0.9, 0.75, 0.55)[age], 1L, 2L)
  region[runif(n) < 0.03] <- NA
  internet[runif(n) < 0.02] <- NA
  internet[sample(which(!is.na(internet)), 4)] <- 9L
  basew <- round(exp(rnorm(n, 0, 0.35)), 4)
  rows[[country]] <- data.frame(
    id = seq_len(n) + 1000 * shift, country = as.integer(country), age = age, gender = gender,
    region = region, internet = internet, basew = basew
  )
}
sample_data <- do.call(rbind, rows)
# Shuffle so groups are interleaved, as in a pooled multi-country file.
sample_data <- sample_data[sample(nrow(sample_data)), ]
write.csv(sample_data, file.path(here, "seeded-sample.csv"), row.names = FALSE, na = "")
cat("wrote", nrow(sample_data), "rows to seeded-sample.csv\n")
