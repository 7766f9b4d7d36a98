# Expected converged tables for the ipfn fixture (../shared/fixtures/ipfn/ipfn_test_inputs.json:
# the seed matrices and target marginals of Dirguis/ipfn's test_numpy_2D and test_numpy_3D),
# computed with R's own IPF, stats::loglin, started from the seed (start =).
#
# loglin fits the margins of a table it is given, so it gets a table that has exactly the target
# margins: for 2-D the independence table rows x cols / total; for 3-D, whose targets include the
# [0,1] and [1,2] margins, the conditional-independence table x_ij. * x_.jk / x_.j. (its [0,1] and
# [1,2] margins are the targets, and the 1-D targets follow from those). The fitted table is the
# seed scaled to those margins - the same I-projection any correct IPF converges to.
#
# Writes ipfn-expected.json beside this script. Run: Rscript test/reference/weights/ipfn-reference.R
# The repository formats JSON with Prettier (lint runs prettier --check): afterwards run
#   npx prettier --write test/reference/weights/*.json

suppressPackageStartupMessages(library(jsonlite))
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
fixtures <- Sys.getenv("CEW_FIXTURES", file.path(here, "..", "..", "..", "..", "shared", "fixtures"))
inputs <- fromJSON(file.path(fixtures, "ipfn", "ipfn_test_inputs.json"), simplifyVector = TRUE)

# 2-D: 3 x 4 seed, row and column totals.
seed2 <- inputs$numpy_2D$seed
rows <- inputs$numpy_2D$aggregates[["rows (dimension [0])"]]
cols <- inputs$numpy_2D$aggregates[["columns (dimension [1])"]]
margin_table2 <- outer(rows, cols) / sum(rows)
fit2 <- loglin(margin_table2, margin = list(1, 2), start = seed2, fit = TRUE, eps = 1e-13,
               iter = 10000, print = FALSE)

# 3-D: 2 x 4 x 3 seed given as "i,j,k": value (zero elsewhere).
shape <- inputs$numpy_3D$shape
seed3 <- array(0, dim = shape)
for (key in names(inputs$numpy_3D$seed_nonzero)) {
  idx <- as.integer(strsplit(key, ",")[[1]]) + 1
  seed3[idx[1], idx[2], idx[3]] <- inputs$numpy_3D$seed_nonzero[[key]]
}
agg <- inputs$numpy_3D$aggregates
xij <- agg[["xijp [0,1]"]] # 2 x 4
xjk <- agg[["xpjk [1,2]"]] # 4 x 3
xj <- colSums(xij)
stopifnot(isTRUE(all.equal(xj, rowSums(xjk))))
margin_table3 <- array(0, dim = shape)
for (i in 1:shape[1]) for (j in 1:shape[2]) for (k in 1:shape[3]) {
  margin_table3[i, j, k] <- xij[i, j] * xjk[j, k] / xj[j]
}
fit3 <- loglin(margin_table3, margin = list(c(1, 2), c(2, 3), 1, 2, 3), start = seed3, fit = TRUE,
               eps = 1e-13, iter = 10000, print = FALSE)

# 3-D flattened row-major ("C order", last index fastest), as the fixture's keys read.
flatten_c <- function(a) as.vector(aperm(a, rev(seq_along(dim(a)))))

writeLines(toJSON(list(
  generatedBy = paste("ipfn-reference.R with R", getRversion(), "stats::loglin"),
  numpy_2D = list(fitted = fit2$fit, marginDeviation = max(abs(rowSums(fit2$fit) - rows), abs(colSums(fit2$fit) - cols))),
  numpy_3D = list(shape = shape, fittedRowMajor = flatten_c(fit3$fit),
                  marginDeviation = max(abs(apply(fit3$fit, c(1, 2), sum) - xij), abs(apply(fit3$fit, c(2, 3), sum) - xjk)))
), digits = NA, pretty = TRUE, auto_unbox = TRUE), file.path(here, "ipfn-expected.json"))
cat("2-D max margin deviation", max(abs(rowSums(fit2$fit) - rows), abs(colSums(fit2$fit) - cols)), "\n")
cat("3-D max margin deviation", max(abs(apply(fit3$fit, c(1, 2), sum) - xij), abs(apply(fit3$fit, c(2, 3), sum) - xjk)), "\n")
