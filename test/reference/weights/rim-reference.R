# Reference RIM weights and diagnostics from R's survey package (survey::rake, survey::svytotal),
# for the cases in cases.json. Writes, beside this script:
#   <case>.weights.csv  one weight per data row, in file order ("NA" = row not weighted), 17 digits
#   reference.json      per case: convergence, sweeps survey::rake needed, Kish diagnostics, margins
# The tests compare src/main/analysis/weights with these files; they run without R.
#
# Run: Rscript test/reference/weights/rim-reference.R   (needs r-cran-survey, r-cran-jsonlite;
# fixtures from $CEW_FIXTURES or ../shared/fixtures beside the repository)
# The repository formats JSON with Prettier (lint runs prettier --check): afterwards run
#   npx prettier --write test/reference/weights/*.json
#
# What this script decides independently of the TypeScript code, from the issue's definitions:
# - rows raked: every raking variable has a code with a target and the base weight is >= 0
#   (survey::rake itself refuses missing values: na.fail); other rows get NA;
# - shares vs counts: a variable's targets are shares when they sum to 1 or 100 (within 0.5 %),
#   scaled to the total base weight of the rows raked; counts are used as given;
# - caps: weights relative to the mean weight (total / rows raked); rake, clamp, rake again with
#   the clamped weights as design weights, until every weight is within the caps (1e-10 slack);
# - combining groups: 'equal' gives every group total/G, 'population' total * P_g / sum(P),
#   total = the sum of all group weights before combining.
# - efficiency: Kish, effective base (sum w)^2 / sum w^2, divided by n (rows with a weight).

suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})

here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
fixtures <- Sys.getenv("CEW_FIXTURES", file.path(here, "..", "..", "..", "..", "shared", "fixtures"))
spec <- fromJSON(file.path(here, "cases.json"), simplifyVector = FALSE)

# Tight convergence: survey::rake's default (maxit 10, epsilon 1 in weight units) stops early.
control <- list(maxit = 1000, epsilon = 1e-13, verbose = FALSE)
cap_slack <- 1e-10

read_data <- function(path) {
  file <- if (startsWith(path, "fixture:")) file.path(fixtures, sub("^fixture:", "", path)) else file.path(here, path)
  read.csv(file, stringsAsFactors = FALSE, na.strings = c("NA", ""))
}

is_shares <- function(s) abs(s - 1) <= 0.005 || abs(s / 100 - 1) <= 0.005

# Population margins in the form survey::rake wants (one data frame per variable).
population_margins <- function(targets, base_total) {
  sums <- vapply(targets, function(t) sum(unlist(t)), numeric(1))
  counts <- !vapply(sums, is_shares, logical(1))
  total <- if (any(counts)) sums[[which(counts)[1]]] else base_total
  lapply(names(targets), function(v) {
    given <- unlist(targets[[v]])
    freq <- if (counts[[v]]) given else given / sum(given) * total
    df <- data.frame(factor(names(given), levels = names(given)), as.numeric(freq))
    names(df) <- c(v, "Freq")
    df
  })
}

# Rake once; returns the design and the number of sweeps survey::rake needed (smallest maxit
# that converges without its warning).
rake_once <- function(design, vars, pops) {
  formulas <- lapply(vars, function(v) as.formula(paste0("~`", v, "`")))
  raked <- rake(design, formulas, pops, control = control)
  converges <- function(k) tryCatch({
    rake(design, formulas, pops, control = modifyList(control, list(maxit = k)))
    TRUE
  }, warning = function(w) FALSE)
  # Converging within k sweeps is monotone in k: binary search for the smallest k.
  lo <- 1
  hi <- control$maxit
  if (!converges(hi)) stop("survey::rake did not converge in ", hi, " sweeps")
  while (lo < hi) {
    mid <- (lo + hi) %/% 2
    if (converges(mid)) hi <- mid else lo <- mid + 1
  }
  sweeps <- lo
  list(design = raked, sweeps = sweeps)
}

# Rakes the rows `scope` of `data`; returns full-length weights (NA outside), sweeps, rounds.
rake_rows <- function(data, scope, targets, base_name, cap) {
  vars <- names(targets)
  base <- if (is.null(base_name)) rep(1, nrow(data)) else data[[base_name]]
  keep <- scope & !is.na(base) & base >= 0 & is.finite(base)
  for (v in vars) keep <- keep & !is.na(data[[v]]) & as.character(data[[v]]) %in% names(targets[[v]])
  sub <- data[keep, , drop = FALSE]
  for (v in vars) sub[[v]] <- factor(as.character(sub[[v]]), levels = names(targets[[v]]))
  w <- base[keep]
  pops <- population_margins(targets, sum(w))
  total <- sum(pops[[1]]$Freq)
  sweeps <- 0
  rounds <- 0
  repeat {
    rounds <- rounds + 1
    if (rounds > 200) stop("caps not reached after 200 rounds")
    design <- svydesign(ids = ~1, weights = w, data = sub)
    r <- rake_once(design, vars, pops)
    sweeps <- sweeps + r$sweeps
    w <- weights(r$design)
    if (is.null(cap)) break
    mean_w <- total / length(w)
    lo <- cap$min * mean_w
    hi <- cap$max * mean_w
    if (all(w == 0 | (w >= lo * (1 - cap_slack) & w <= hi * (1 + cap_slack)))) break
    w <- ifelse(w == 0, 0, pmin(pmax(w, lo), hi))
  }
  margins <- lapply(vars, function(v) {
    est <- svytotal(as.formula(paste0("~`", v, "`")), r$design)
    setNames(as.list(unname(coef(est))), levels(sub[[v]]))
  })
  names(margins) <- vars
  out <- rep(NA_real_, nrow(data))
  out[keep] <- w
  list(weights = out, sweeps = sweeps, rounds = rounds, total = total, margins = margins,
       rowsWeighted = sum(keep), rowsExcluded = sum(scope) - sum(keep))
}

diagnostics <- function(w) {
  w <- w[!is.na(w)]
  eff_base <- sum(w)^2 / sum(w^2)
  list(n = length(w), sum = sum(w), min = min(w), max = max(w), mean = mean(w),
       effectiveBase = eff_base, efficiency = eff_base / length(w))
}

write_weights <- function(name, w) {
  lines <- ifelse(is.na(w), "NA", sprintf("%.17g", w))
  writeLines(c("weight", lines), file.path(here, paste0(name, ".weights.csv")))
}

results <- list()
for (case in spec$cases) {
  data <- read_data(case$data)
  r <- rake_rows(data, rep(TRUE, nrow(data)), case$targets, case$baseWeight, case$cap)
  write_weights(case$name, r$weights)
  results[[case$name]] <- list(
    converged = TRUE, rSweeps = r$sweeps, capRounds = r$rounds, total = r$total,
    rowsWeighted = r$rowsWeighted, rowsExcluded = r$rowsExcluded,
    diagnostics = diagnostics(r$weights), margins = r$margins
  )
  cat(sprintf("%-24s n=%d sweeps=%d rounds=%d efficiency=%.6f\n", case$name, r$rowsWeighted, r$sweeps,
              r$rounds, results[[case$name]]$diagnostics$efficiency))
}

for (case in spec$byGroup) {
  data <- read_data(case$data)
  group <- as.character(data[[case$group]])
  raked <- rep(NA_real_, nrow(data))
  per_group <- list()
  for (g in names(case$targets)) {
    scope <- !is.na(group) & group == g
    r <- rake_rows(data, scope, case$targets[[g]], case$baseWeight, NULL)
    raked[scope] <- r$weights[scope]
    per_group[[g]] <- r
  }
  total <- sum(raked, na.rm = TRUE)
  group_sum <- vapply(names(case$targets), function(g) sum(raked[group == g], na.rm = TRUE), numeric(1))
  population <- unlist(case$population)[names(case$targets)]
  modes <- list(
    weighted = setNames(rep(1, length(group_sum)), names(group_sum)),
    equal = (total / length(group_sum)) / group_sum,
    population = (population / sum(population) * total) / group_sum
  )
  for (mode in names(modes)) {
    factor <- modes[[mode]]
    w <- raked * unname(factor[group])
    name <- paste0(case$name, "-", mode)
    write_weights(name, w)
    results[[name]] <- list(
      converged = TRUE,
      groups = lapply(names(case$targets), function(g) {
        list(group = g, rSweeps = per_group[[g]]$sweeps, factor = unname(factor[[g]]),
             diagnostics = diagnostics(w[!is.na(group) & group == g]))
      }),
      overall = diagnostics(w)
    )
    cat(sprintf("%-24s efficiency=%.6f\n", name, results[[name]]$overall$efficiency))
  }
}

writeLines(
  toJSON(list(
    generatedBy = paste("rim-reference.R with R", getRversion(), "survey", packageVersion("survey")),
    cases = results
  ), auto_unbox = TRUE, digits = NA, pretty = TRUE),
  file.path(here, "reference.json")
)
