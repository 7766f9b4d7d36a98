# Reference p-values for test/unit/main/analysis/significance/*.test.ts, computed with R.
#
# Regenerate from this folder (R with jsonlite and haven: Debian r-base-core, r-cran-jsonlite,
# r-cran-haven; R 4.2.2 made the saved file):
#   CEW_FIXTURES=/path/to/shared/fixtures Rscript r-reference.R > r-reference.json
#   npx prettier --write r-reference.json   # the repository's formatting; numbers unchanged
#
# Where R has the test built in, R's own function is used: prop.test(correct = FALSE) for the
# two-proportion z-test (its chi-square is z^2), t.test and pairwise.t.test for t-tests,
# p.adjust for Bonferroni and Benjamini-Hochberg, chisq.test(correct = FALSE) for chi-square.
# The weighted versions (effective base, Dimensions t, overlap correction) have no canned R
# function, so they are computed here by hand from the formulas in docs/statistics.md. Each table
# also carries its input sums (computed here from the case data), which the tests feed to our
# functions.
library(jsonlite)
library(haven)

fixtures <- Sys.getenv("CEW_FIXTURES", "../../../../shared/fixtures")
qp <- read.csv(file.path(fixtures, "quantipy/example_data_A.csv"), stringsAsFactors = FALSE)
api <- read.csv(file.path(fixtures, "r-survey-api/apistrat.csv"), stringsAsFactors = FALSE)

has_code <- function(values, code) {
  # Single-coded: the value; delimited set "1;4;": any of its parts.
  parts <- strsplit(ifelse(is.na(values), "", as.character(values)), ";", fixed = TRUE)
  vapply(parts, function(p) as.character(code) %in% p | paste0(code, ".0") %in% p, logical(1))
}

sums <- function(w) list(sumW = sum(w), sumW2 = sum(w^2), n = length(w))
ebase <- function(w) sum(w)^2 / sum(w^2)

# ---------------------------------------------------------------------------------------------
# Column proportions: rows = codes of x, columns = codes of y (single-coded or delimited set).
proportions_table <- function(name, data, x, x_codes, y, y_codes, weight = NULL, multi = FALSE) {
  w_all <- if (is.null(weight)) rep(1, nrow(data)) else data[[weight]]
  in_x <- sapply(x_codes, function(code) has_code(data[[x]], code))
  valid <- rowSums(in_x) > 0 & !is.na(w_all)
  in_y <- sapply(y_codes, function(code) has_code(data[[y]], code)) & valid
  k <- length(y_codes)
  bases <- lapply(seq_len(k), function(j) sums(w_all[in_y[, j]]))
  counts <- lapply(seq_along(x_codes), function(r)
    vapply(seq_len(k), function(j) sum(w_all[in_y[, j] & in_x[, r]]), numeric(1)))
  total <- list(base = sums(w_all[valid]),
                counts = vapply(seq_along(x_codes), function(r) sum(w_all[valid & in_x[, r]]), numeric(1)))
  overlaps <- list()
  # zAll: every pair with a defined statistic (Q tests these); z: those SPSS tests (no column at
  # 0% or 100%); tDimensions: those Dimensions tests (proportions not identical).
  z_all <- list(); t_dim <- list(); total_all <- list()
  for (r in seq_along(x_codes)) {
    for (a in seq_len(k - 1)) for (b in (a + 1):k) {
      wa <- w_all[in_y[, a]]; wb <- w_all[in_y[, b]]
      xa <- sum(w_all[in_y[, a] & in_x[, r]]); xb <- sum(w_all[in_y[, b] & in_x[, r]])
      pa <- xa / sum(wa); pb <- xb / sum(wb)
      both <- in_y[, a] & in_y[, b]
      e0 <- if (multi && any(both)) ebase(w_all[both]) else 0
      if (r == 1 && multi) overlaps[[length(overlaps) + 1]] <- c(list(a = a - 1, b = b - 1), sums(w_all[both]))
      ea <- ebase(wa); eb <- ebase(wb)
      pooled <- (xa + xb) / (sum(wa) + sum(wb))
      v <- pooled * (1 - pooled) * (1 / ea + 1 / eb - 2 * e0 / (ea * eb))
      stat <- (pa - pb) / sqrt(v)
      if (!is.finite(stat)) next
      if (is.null(weight) && !multi) {
        # Unweighted, independent columns: R's own two-proportion test; its statistic is z^2.
        pt_ <- suppressWarnings(prop.test(c(xa, xb), c(length(wa), length(wb)), correct = FALSE))
        p_z <- pt_$p.value
        stat_z <- sign(pa - pb) * sqrt(unname(pt_$statistic))
      } else {
        p_z <- 2 * pnorm(-abs(stat)); stat_z <- stat
      }
      z_all[[length(z_all) + 1]] <- list(row = r - 1, a = a - 1, b = b - 1, statistic = stat_z, p = p_z,
                                         spss = pa > 0 && pa < 1 && pb > 0 && pb < 1)
      if (pa != pb) {
        df <- ea + eb - e0 - 2
        t_dim[[length(t_dim) + 1]] <- list(row = r - 1, a = a - 1, b = b - 1, statistic = stat,
                                           df = df, p = 2 * pt(-abs(stat), df))
      }
    }
    # Each column vs the rest of the sample (Total minus the column); unweighted via prop.test.
    for (a in seq_len(k)) {
      rest <- valid & !in_y[, a]
      wa <- w_all[in_y[, a]]; wr <- w_all[rest]
      xa <- sum(w_all[in_y[, a] & in_x[, r]]); xr <- sum(w_all[rest & in_x[, r]])
      pa <- xa / sum(wa); pr <- xr / sum(wr)
      pooled <- (xa + xr) / (sum(wa) + sum(wr))
      stat <- (pa - pr) / sqrt(pooled * (1 - pooled) * (1 / ebase(wa) + 1 / ebase(wr)))
      if (!is.finite(stat)) next
      if (is.null(weight)) {
        pt_ <- suppressWarnings(prop.test(c(xa, xr), c(length(wa), length(wr)), correct = FALSE))
        stat <- sign(pa - pr) * sqrt(unname(pt_$statistic)); p <- pt_$p.value
      } else {
        p <- 2 * pnorm(-abs(stat))
      }
      total_all[[length(total_all) + 1]] <- list(row = r - 1, a = a - 1, statistic = stat, p = p,
                                                 spss = pa > 0 && pa < 1 && pr > 0 && pr < 1)
    }
  }
  # SPSS: Bonferroni over the comparisons it makes within a row.
  bonferroni_by_row <- function(items) {
    items <- Filter(function(e) e$spss, items)
    rows <- vapply(items, function(e) e$row, numeric(1))
    for (r in unique(rows)) {
      idx <- which(rows == r)
      adj <- p.adjust(vapply(items[idx], function(e) e$p, numeric(1)), method = "bonferroni")
      for (i in seq_along(idx)) items[[idx[i]]]$pBonferroni <- adj[i]
    }
    items
  }
  # Q: Benjamini-Hochberg over every comparison of one kind in the table.
  bh_all <- function(items) {
    adj <- p.adjust(vapply(items, function(e) e$p, numeric(1)), method = "BH")
    for (i in seq_along(items)) items[[i]]$pBH <- adj[i]
    items
  }
  z <- bonferroni_by_row(z_all); z_all <- bh_all(z_all)
  total_z <- bonferroni_by_row(total_all); total_all <- bh_all(total_all)
  list(name = name, weighted = !is.null(weight), multipleResponse = multi,
       rows = as.character(x_codes), columns = as.character(y_codes),
       bases = bases, counts = counts, total = total,
       overlaps = if (multi) overlaps else NULL,
       z = z, zAll = z_all, tDimensions = t_dim, totalZ = total_z, totalAll = total_all)
}

# ---------------------------------------------------------------------------------------------
# Column means: one numeric variable by the codes of a single-coded y.
means_table <- function(name, x, g, levels, w = NULL) {
  keep <- !is.na(x) & !is.na(g)
  x <- x[keep]; g <- factor(g[keep], levels = levels)
  w <- if (is.null(w)) rep(1, length(x)) else w[keep]
  k <- length(levels)
  stats <- lapply(levels, function(l) {
    i <- g == l
    list(sumW = sum(w[i]), sumW2 = sum(w[i]^2), n = sum(i), sumWX = sum(w[i] * x[i]),
         sumWX2 = sum(w[i] * x[i]^2))
  })
  total <- list(sumW = sum(w), sumW2 = sum(w^2), n = length(x), sumWX = sum(w * x), sumWX2 = sum(w * x^2))
  out <- list(name = name, weighted = any(w != 1), columns = levels, stats = stats, total = total)
  pair_index <- function(pw) {
    # pairwise.t.test returns a lower-triangular matrix: [b, a] for a < b.
    res <- list()
    for (a in seq_len(k - 1)) for (b in (a + 1):k)
      res[[length(res) + 1]] <- list(a = a - 1, b = b - 1, p = pw$p.value[as.character(levels[b]), as.character(levels[a])])
    res
  }
  if (!any(w != 1)) {
    # SPSS CTABLES (MEANSVARIANCE=ALLCATS): variance pooled over all groups, Bonferroni.
    out$pooledTableBonferroni <- pair_index(pairwise.t.test(x, g, pool.sd = TRUE, p.adjust.method = "bonferroni"))
    out$pooledTableNone <- pair_index(pairwise.t.test(x, g, pool.sd = TRUE, p.adjust.method = "none"))
    # Q: Welch per pair, Benjamini-Hochberg.
    out$welchBH <- pair_index(pairwise.t.test(x, g, pool.sd = FALSE, p.adjust.method = "BH"))
    out$welch <- list(); out$pooledPair <- list(); out$totalPooled <- list(); out$totalWelch <- list()
    for (a in seq_len(k - 1)) for (b in (a + 1):k) {
      xa <- x[g == levels[a]]; xb <- x[g == levels[b]]
      tw <- t.test(xa, xb)
      tp <- t.test(xa, xb, var.equal = TRUE)
      out$welch[[length(out$welch) + 1]] <- list(a = a - 1, b = b - 1, statistic = unname(tw$statistic),
                                                 df = unname(tw$parameter), p = tw$p.value)
      out$pooledPair[[length(out$pooledPair) + 1]] <- list(a = a - 1, b = b - 1, statistic = unname(tp$statistic),
                                                           df = unname(tp$parameter), p = tp$p.value)
    }
    for (a in seq_len(k)) {
      xa <- x[g == levels[a]]; xr <- x[g != levels[a]]
      tp <- t.test(xa, xr, var.equal = TRUE); tw <- t.test(xa, xr)
      out$totalPooled[[a]] <- list(a = a - 1, statistic = unname(tp$statistic), p = tp$p.value)
      out$totalWelch[[a]] <- list(a = a - 1, statistic = unname(tw$statistic), p = tw$p.value)
    }
  } else {
    # Weighted, by hand: effective base e = (sum w)^2 / sum w^2, SS = sum w (x - mean)^2 with
    # W - Q/W degrees of freedom.
    col <- lapply(levels, function(l) {
      i <- g == l; wi <- w[i]; xi <- x[i]; m <- sum(wi * xi) / sum(wi)
      list(mean = m, ss = sum(wi * (xi - m)^2), dof = sum(wi) - sum(wi^2) / sum(wi), e = ebase(wi))
    })
    s2_table <- sum(vapply(col, function(c) c$ss, 0)) / sum(vapply(col, function(c) c$dof, 0))
    df_table <- sum(vapply(col, function(c) c$e - 1, 0))
    out$pooledTable <- list(); out$pooledPair <- list(); out$welch <- list()
    for (a in seq_len(k - 1)) for (b in (a + 1):k) {
      ca <- col[[a]]; cb <- col[[b]]; d <- ca$mean - cb$mean
      t1 <- d / sqrt(s2_table * (1 / ca$e + 1 / cb$e))
      out$pooledTable[[length(out$pooledTable) + 1]] <- list(a = a - 1, b = b - 1, statistic = t1, df = df_table,
                                                             p = 2 * pt(-abs(t1), df_table))
      s2 <- (ca$ss + cb$ss) / (ca$dof + cb$dof); df2 <- ca$e + cb$e - 2
      t2 <- d / sqrt(s2 * (1 / ca$e + 1 / cb$e))
      out$pooledPair[[length(out$pooledPair) + 1]] <- list(a = a - 1, b = b - 1, statistic = t2, df = df2,
                                                           p = 2 * pt(-abs(t2), df2))
      va <- ca$ss / ca$dof / ca$e; vb <- cb$ss / cb$dof / cb$e
      df3 <- (va + vb)^2 / (va^2 / (ca$e - 1) + vb^2 / (cb$e - 1)); t3 <- d / sqrt(va + vb)
      out$welch[[length(out$welch) + 1]] <- list(a = a - 1, b = b - 1, statistic = t3, df = df3,
                                                 p = 2 * pt(-abs(t3), df3))
    }
    p_table <- vapply(out$pooledTable, function(e) e$p, 0)
    adj <- p.adjust(p_table, method = "bonferroni")
    for (i in seq_along(adj)) out$pooledTable[[i]]$pBonferroni <- adj[i]
    adj <- p.adjust(vapply(out$welch, function(e) e$p, 0), method = "BH")
    for (i in seq_along(adj)) out$welch[[i]]$pBH <- adj[i]
  }
  out
}

# ---------------------------------------------------------------------------------------------
chi_square <- function(name, tab) {
  test <- suppressWarnings(chisq.test(tab, correct = FALSE))
  list(name = name, table = unname(lapply(seq_len(nrow(tab)), function(r) as.numeric(tab[r, ]))),
       chiSquare = unname(test$statistic), df = unname(test$parameter), p = test$p.value)
}

q1 <- c(1:9, 96, 98, 99)
q5 <- c(1:5, 97, 98)
q3 <- c(1:8, 97)
loc <- 1:5
qp_valid <- !is.na(qp$locality)

result <- list(
  generatedWith = R.version.string,
  proportions = list(
    proportions_table("quantipy q1 by locality, unweighted", qp, "q1", q1, "locality", loc),
    proportions_table("quantipy q1 by locality, weight_a", qp, "q1", q1, "locality", loc, weight = "weight_a"),
    proportions_table("quantipy q5_1 by q3 (multiple response), unweighted", qp, "q5_1", q5, "q3", q3, multi = TRUE),
    proportions_table("apistrat awards by stype, unweighted", api, "awards", c("Yes", "No"), "stype", c("E", "H", "M")),
    proportions_table("apistrat awards by stype, weight pw", api, "awards", c("Yes", "No"), "stype", c("E", "H", "M"), weight = "pw")
  ),
  means = list(
    means_table("apistrat api00 by stype, unweighted", api$api00, api$stype, c("E", "H", "M")),
    means_table("apistrat api00 by stype, weight pw", api$api00, api$stype, c("E", "H", "M"), w = api$pw),
    means_table("quantipy age by locality, unweighted", qp$age, qp$locality, loc),
    means_table("quantipy age by locality, weight_a", qp$age, qp$locality, loc, w = qp$weight_a)
  ),
  chiSquare = list(
    chi_square("quantipy q1 by locality, unweighted", table(factor(qp$q1[qp_valid], levels = q1), factor(qp$locality[qp_valid], levels = loc))),
    chi_square("apistrat awards by stype, unweighted", table(api$awards, api$stype)),
    # The .sav tables of pspp-reference.sps, read with haven (user-missing values become NA).
    chi_square("hotel.sav v2 by v4", with(read_sav(file.path(fixtures, "pspp/examples/hotel.sav")), table(v2, v4))),
    chi_square("Learning.sav Q1school by Q2gradyear",
               with(read_sav(file.path(fixtures, "medella-spss/Learning.sav")), table(Q1school, Q2gradyear)))
  ),
  distributions = list(
    normalTwoSided = lapply(c(0.5, 1.96, 3, 6, 8), function(z) list(z = z, p = 2 * pnorm(-z))),
    tTwoSided = lapply(list(c(2.228, 10), c(1, 1), c(3, 2.5), c(2, 1e6), c(0.5, 30), c(10, 5), c(4.2, 17.6)),
                       function(a) list(t = a[1], df = a[2], p = 2 * pt(-a[1], a[2]))),
    chiSquareUpper = lapply(list(c(7.815, 3), c(85.6, 44), c(0.5, 1), c(147.2, 45), c(0.01, 12)),
                            function(a) list(x = a[1], df = a[2], p = pchisq(a[1], a[2], lower.tail = FALSE)))
  ),
  adjust = list(
    p = c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9),
    bonferroni = p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9), method = "bonferroni"),
    BH = p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9), method = "BH")
  )
)
cat(toJSON(result, auto_unbox = TRUE, digits = NA, null = "null"))
