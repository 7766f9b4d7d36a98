# Reference k-means results for test/unit/main/analysis/segmentation/kMeansReference.test.ts, from
# R's stats::kmeans (Hartigan and Wong's algorithm, many random starts so it reaches its best
# solution) and cluster::silhouette on two public data sets that ship with R:
#   - iris (datasets::iris; E. Anderson 1935, R. A. Fisher 1936): the four measurements, raw, k = 3;
#   - USArrests (datasets::USArrests; McNeil 1977, "Interactive Data Analysis"): the four variables
#     standardised with scale() (z-scores, n - 1 sd), k = 2..6.
# Writes, beside this script: iris.csv and usarrests.csv (the data, so the tests run without R) and
# kmeans-reference.json (per case and k: sizes, centres in the variables' own units, within-cluster
# sums of squares, total SS and the mean silhouette width).
#
# Run: Rscript test/reference/segmentation/kmeans-reference.R   (needs r-cran-cluster, r-cran-jsonlite)
# then: npx prettier --write test/reference/segmentation/kmeans-reference.json

suppressPackageStartupMessages({
  library(cluster)
  library(jsonlite)
})

here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))

iris_data <- iris[, 1:4]
names(iris_data) <- c("sepal_length", "sepal_width", "petal_length", "petal_width")
write.csv(iris_data, file.path(here, "iris.csv"), row.names = FALSE)

arrests <- data.frame(state = rownames(USArrests), USArrests, row.names = NULL)
names(arrests) <- c("state", "murder", "assault", "urban_pop", "rape")
write.csv(arrests, file.path(here, "usarrests.csv"), row.names = FALSE)

solution <- function(x, k, scaling) {
  set.seed(20261127 + k)
  km <- kmeans(x, centers = k, nstart = 200, iter.max = 100)
  # Centres in the variables' own units: undo the standardisation.
  centres <- sweep(sweep(km$centers, 2, scaling$sd, `*`), 2, scaling$mean, `+`)
  order <- order(-km$size, centres[, 1])
  sil <- silhouette(km$cluster, dist(x))
  list(
    k = k,
    sizes = km$size[order],
    centres = lapply(order, function(i) as.list(centres[i, ])),
    withinss = km$withinss[order],
    tot_withinss = km$tot.withinss,
    totss = km$totss,
    silhouette = mean(sil[, "sil_width"])
  )
}

iris_scaling <- list(mean = rep(0, 4), sd = rep(1, 4))
arrests_x <- scale(arrests[, -1])
arrests_scaling <- list(
  mean = attr(arrests_x, "scaled:center"),
  sd = attr(arrests_x, "scaled:scale")
)

reference <- list(
  r_version = R.version.string,
  iris = list(
    standardize = FALSE,
    variables = names(iris_data),
    solutions = list(solution(as.matrix(iris_data), 3, iris_scaling))
  ),
  usarrests = list(
    standardize = TRUE,
    variables = names(arrests)[-1],
    mean = as.list(arrests_scaling$mean),
    sd = as.list(arrests_scaling$sd),
    solutions = lapply(2:6, function(k) solution(arrests_x, k, arrests_scaling))
  )
)
writeLines(toJSON(reference, auto_unbox = TRUE, digits = I(15), pretty = TRUE),
           file.path(here, "kmeans-reference.json"))
