# Reference for multiple-response banner columns (test/unit/main/analysis/crosstab/mrBanner.test.ts).
# Writes mr-banner.csv (a small generated sample) and mr-banner.json (test results computed here by
# hand from the formula in docs/statistics.md, "Multiple-response banners", not by the app):
#   V = p(1-p) (1/e1 + 1/e2 - 2 e0/(e1 e2)), p pooled = (x1 + x2)/(W1 + W2),
#   e = W^2/Q (Kish), e0 = W0^2/Q0 over respondents in both columns with a valid row answer.
#   spss/q: z = (p1 - p2)/sqrt(V), two-sided normal p; dimensions: t with df = e1 + e2 - e0 - 2.
# Run: Rscript test/reference/crosstab/mr-banner.R  (from the repository root)
set.seed(20261127)
n <- 80
q <- sample(c(1, 2), n, replace = TRUE, prob = c(0.45, 0.55))
b1 <- rbinom(n, 1, ifelse(q == 1, 0.6, 0.35))
b2 <- rbinom(n, 1, 0.5)
b3 <- rbinom(n, 1, ifelse(q == 1, 0.3, 0.55))
# A set nobody chooses twice: its columns do not overlap.
d <- sample(c(0, 1, 2), n, replace = TRUE)
d1 <- as.integer(d == 1)
d2 <- as.integer(d == 2)
w <- round(runif(n, 0.4, 2.2), 3)
data <- data.frame(id = seq_len(n), q, b1, b2, b3, d1, d2, w)
dir <- "test/reference/crosstab"
write.csv(data, file.path(dir, "mr-banner.csv"), row.names = FALSE)

pair <- function(a, b, weights, code) {
  inA <- a == 1; inB <- b == 1; both <- inA & inB
  W1 <- sum(weights[inA]); Q1 <- sum(weights[inA]^2); x1 <- sum(weights[inA & q == code])
  W2 <- sum(weights[inB]); Q2 <- sum(weights[inB]^2); x2 <- sum(weights[inB & q == code])
  W0 <- sum(weights[both]); Q0 <- sum(weights[both]^2)
  e1 <- W1^2 / Q1; e2 <- W2^2 / Q2; e0 <- if (Q0 > 0) W0^2 / Q0 else 0
  p1 <- x1 / W1; p2 <- x2 / W2; pooled <- (x1 + x2) / (W1 + W2)
  v <- pooled * (1 - pooled) * (1 / e1 + 1 / e2 - 2 * e0 / (e1 * e2))
  stat <- (p1 - p2) / sqrt(v)
  df <- e1 + e2 - e0 - 2
  list(statistic = stat, zP = 2 * pnorm(-abs(stat)), df = df, tP = 2 * pt(-abs(stat), df))
}
sets <- list(brands = list(b1, b2, b3), disjoint = list(d1, d2))
out <- list()
for (weighted in c(FALSE, TRUE)) {
  weights <- if (weighted) w else rep(1, n)
  for (set in names(sets)) {
    items <- sets[[set]]
    for (i in seq_along(items)) for (j in seq_along(items)) if (i < j) for (code in c(1, 2)) {
      r <- pair(items[[i]], items[[j]], weights, code)
      out[[length(out) + 1]] <- list(weighted = weighted, set = set, a = i, b = j, code = code,
        statistic = r$statistic, zP = r$zP, df = r$df, tP = r$tP)
    }
  }
}
# Means of w (unweighted) across overlapping columns, Dimensions pair test with the overlap term:
# s2 = (SS_a + SS_b)/((n_a - 1) + (n_b - 1)), SE2 = s2 (1/n_a + 1/n_b - 2 n0/(n_a n_b)),
# df = n_a + n_b - n0 - 2.
meanPairs <- list()
items <- sets$brands
for (i in seq_along(items)) for (j in seq_along(items)) if (i < j) {
  xa <- w[items[[i]] == 1]; xb <- w[items[[j]] == 1]; n0 <- sum(items[[i]] == 1 & items[[j]] == 1)
  na <- length(xa); nb <- length(xb)
  s2 <- (sum((xa - mean(xa))^2) + sum((xb - mean(xb))^2)) / ((na - 1) + (nb - 1))
  t <- (mean(xa) - mean(xb)) / sqrt(s2 * (1 / na + 1 / nb - 2 * n0 / (na * nb)))
  df <- na + nb - n0 - 2
  meanPairs[[length(meanPairs) + 1]] <- sprintf(
    "    {\"a\": %d, \"b\": %d, \"statistic\": %.15g, \"df\": %.15g, \"p\": %.15g}",
    i, j, t, df, 2 * pt(-abs(t), df))
}
# Degenerate check: without overlap the corrected z-test is the ordinary pooled-proportion test.
x <- c(sum(d1 == 1 & q == 1), sum(d2 == 1 & q == 1)); m <- c(sum(d1), sum(d2))
ordinary <- prop.test(x, m, correct = FALSE)$p.value
json <- paste0("{\n  \"ordinaryDisjointCode1P\": ", format(ordinary, digits = 17), ",\n  \"pairs\": [\n",
  paste(vapply(out, function(o) sprintf(
    "    {\"weighted\": %s, \"set\": \"%s\", \"a\": %d, \"b\": %d, \"code\": %d, \"statistic\": %.15g, \"zP\": %.15g, \"df\": %.15g, \"tP\": %.15g}",
    tolower(o$weighted), o$set, o$a, o$b, o$code, o$statistic, o$zP, o$df, o$tP), ""), collapse = ",\n"),
  "\n  ],\n  \"meansOfW\": [\n", paste(unlist(meanPairs), collapse = ",\n"), "\n  ]\n}\n")
writeLines(json, file.path(dir, "mr-banner.json"), sep = "")
