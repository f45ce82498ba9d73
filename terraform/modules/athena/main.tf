# An Athena workgroup whose settings users cannot override (result location, encryption, engine
# v3 for Delta), and named queries answering the web-log questions from the gold tables.

resource "aws_athena_workgroup" "this" {
  name          = var.name
  state         = "ENABLED"
  force_destroy = true
  tags          = var.tags

  configuration {
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.bytes_scanned_cutoff_per_query

    engine_version {
      selected_engine_version = "Athena engine version 3"
    }

    result_configuration {
      output_location = "s3://${var.results_bucket}/athena-results/${var.name}/"

      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = var.kms_key_arn
      }
    }
  }
}

locals {
  gold = var.gold_database
  queries = {
    "weblogs-top-client-ips" = {
      description = "The 10 clients with the most requests (ties: requests desc, client_ip asc)"
      query       = "SELECT \"rank\", client_ip, requests FROM ${local.gold}.weblogs_top_client_ips ORDER BY \"rank\""
    }
    "weblogs-top-endpoints" = {
      description = "The 6 endpoints with the most requests, files excluded"
      query       = "SELECT \"rank\", endpoint, requests FROM ${local.gold}.weblogs_top_endpoints ORDER BY \"rank\""
    }
    "weblogs-summary" = {
      description = "Requests, distinct client IPs and days represented"
      query       = "SELECT total_requests, distinct_client_ips, days_represented, first_date, last_date, rejected_lines FROM ${local.gold}.weblogs_summary"
    }
    "weblogs-bytes-by-status-class" = {
      description = "Response bytes total, max, min and average, overall and per status class"
      query       = "SELECT status_class, requests, total_bytes, max_bytes, min_bytes, avg_bytes FROM ${local.gold}.weblogs_bytes_by_status_class ORDER BY status_class"
    }
    "weblogs-client-errors-by-weekday" = {
      description = "4xx responses per weekday; is_max marks the weekday with the most"
      query       = "SELECT iso_weekday, weekday, client_errors, is_max FROM ${local.gold}.weblogs_client_errors_by_weekday ORDER BY iso_weekday"
    }
    "sre-slos-by-year" = {
      description = "Each SLO per year for all services: value, target, met, error budget left"
      query       = "SELECT \"period\", slo, sli, \"value\", comparator, target, met, error_budget_remaining, burn_rate FROM ${local.gold}.sre_slo_report WHERE service = 'all' AND length(\"period\") = 4 ORDER BY \"period\", slo"
    }
    "sre-sli-monthly" = {
      description = "The SLIs per month, all services together"
      query       = "SELECT * FROM ${local.gold}.sre_sli_monthly WHERE service = 'all' ORDER BY \"month\""
    }
    "sre-missed-slos-what-to-do" = {
      description = "Every missed SLO with its top contributor and the recommendation"
      query       = "SELECT \"period\", service, slo, \"value\", target, top_contributor, top_share_pct, recommendation FROM ${local.gold}.sre_recommendations ORDER BY \"period\", service, slo"
    }
  }
}

resource "aws_athena_named_query" "this" {
  for_each = local.queries

  name        = each.key
  description = each.value.description
  workgroup   = aws_athena_workgroup.this.id
  database    = var.gold_database
  query       = each.value.query
}
