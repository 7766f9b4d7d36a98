# Reference linear discriminant analysis for
# test/unit/main/analysis/segmentation/linearDiscriminant.test.ts, from R's MASS::lda (Venables and
# Ripley, "Modern Applied Statistics with S", 4th ed., 2002, section 12.1) on Fisher's iris data
# (datasets::iris; E. Anderson 1935, R. A. Fisher 1936), with MASS's default priors (the class
# proportions of the training data). Writes, beside this script:
#   - iris-species.csv: the four measurements and the species (1 setosa, 2 versicolor, 3 virginica);
#   - lda-reference.json: per case below, the priors, the class means, and for every flower
#     predicted the class and the posterior probabilities from predict.lda:
#       all:     trained on all 150 flowers with all four measurements, predicting them back;
#       sepals:  the same with sepal_length and sepal_width only;
#       holdout: trained on the flowers whose row number is not a multiple of 3 (100 flowers), all
#                four measurements, predicting the other 50 (rows 3, 6, ..., 150).
#
# Run: Rscript test/reference/segmentation/lda-reference.R   (needs r-cran-mass, r-cran-jsonlite)
# then: npx prettier --write test/reference/segmentation/lda-reference.json

suppressPackageStartupMessages({
  library(MASS)
  library(jsonlite)
})

here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))

flowers <- iris[, 1:4]
names(flowers) <- c("sepal_length", "sepal_width", "petal_length", "petal_width")
flowers$species <- as.integer(iris$Species)
write.csv(flowers, file.path(here, "iris-species.csv"), row.names = FALSE)

case <- function(variables, train, predict_rows) {
  fit <- lda(flowers[train, variables, drop = FALSE], grouping = flowers$species[train])
  predicted <- predict(fit, flowers[predict_rows, variables, drop = FALSE])
  list(
    variables = variables,
    train = train,
    predict = predict_rows,
    priors = unname(fit$prior),
    means = unname(lapply(seq_len(nrow(fit$means)), function(k) unname(fit$means[k, ]))),
    class = as.integer(as.character(predicted$class)),
    posterior = unname(lapply(seq_len(nrow(predicted$posterior)), function(i) unname(predicted$posterior[i, ])))
  )
}

measurements <- c("sepal_length", "sepal_width", "petal_length", "petal_width")
all_rows <- seq_len(nrow(flowers))
held_out <- all_rows[all_rows %% 3 == 0]
reference <- list(
  source = "R MASS::lda and predict.lda, default priors; iris (Anderson 1935, Fisher 1936)",
  r = R.version.string,
  mass = as.character(packageVersion("MASS")),
  all = case(measurements, all_rows, all_rows),
  sepals = case(c("sepal_length", "sepal_width"), all_rows, all_rows),
  holdout = case(measurements, setdiff(all_rows, held_out), held_out)
)
writeLines(toJSON(reference, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "lda-reference.json"))
