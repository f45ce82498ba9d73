# A development environment: buckets, the Glue catalog with every gold table the pipelines
# declare, an Athena workgroup with the web-log questions, the Flink pods' IRSA role and,
# optionally, Kinesis streams.

provider "aws" {
  region = var.region

  default_tags {
    tags = var.tags
  }
}

locals {
  # Kept by hand beside the pipelines' own declarations: RegisteredPipelinesTest fails, printing the
  # list to write, when a registered pipeline's gold table is missing here or one here is not declared.
  gold_tables = jsondecode(file("${path.module}/../../gold-tables.json"))

  # Each pipeline's questions for analysts, the files the demo asks too:
  # pipelines/src/main/resources/io/tributary/pipelines/<pipeline>/queries/<name>.sql, a first line
  # "-- <description>", tables qualified by layer and identifiers in backticks (Flink SQL).
  query_root  = "${path.module}/../../../pipelines/src/main/resources/io/tributary/pipelines"
  query_files = { for f in fileset(local.query_root, "*/queries/*.sql") : "${dirname(dirname(f))}-${trimsuffix(basename(f), ".sql")}" => split("\n", trimspace(file("${local.query_root}/${f}"))) }
  named_queries = { for name, lines in local.query_files : name => {
    description = trimspace(trimprefix(lines[0], "--"))
    query = replace(replace(replace(replace(join("\n", slice(lines, 1, length(lines))), "`", "\""),
      "gold.", "${module.catalog.database_names["gold"]}."),
      "silver.", "${module.catalog.database_names["silver"]}."),
    "bronze.", "${module.catalog.database_names["bronze"]}.")
  } }
}

module "lake" {
  source = "../../modules/lake"

  name_prefix   = var.name_prefix
  force_destroy = var.force_destroy
  tags          = var.tags
}

module "catalog" {
  source = "../../modules/catalog"

  lake_root   = module.lake.lake_root
  gold_tables = local.gold_tables
  tags        = var.tags
}

module "athena" {
  source = "../../modules/athena"

  name           = "${var.name_prefix}-analysts"
  results_bucket = module.lake.bucket_names["athena_results"]
  kms_key_arn    = module.lake.kms_key_arn
  gold_database  = module.catalog.database_names["gold"]
  named_queries  = local.named_queries
  force_destroy  = var.force_destroy
  tags           = var.tags
}

module "streams" {
  source = "../../modules/streams"
  count  = var.create_streams ? 1 : 0

  name_prefix = var.name_prefix
  tags        = var.tags
}

module "iam" {
  source = "../../modules/iam"

  role_name_prefix  = "${var.name_prefix}-flink"
  oidc_provider_arn = var.eks_oidc_provider_arn
  oidc_provider_url = var.eks_oidc_provider_url
  namespace         = var.flink_namespace
  roles = {
    # Streaming jobs keep state and read events; they never read landing files.
    streaming = {
      service_accounts = var.streaming_service_accounts
      read_landing     = false
      checkpoints      = true
      stream_arns      = var.create_streams ? values(module.streams[0].stream_arns) : []
    }
    # Backfills read a day of landing files into the lake; bounded, they keep no checkpoints.
    batch = {
      service_accounts = var.batch_service_accounts
      read_landing     = true
      checkpoints      = false
    }
  }
  bucket_arns = { # the jobs' buckets only: query results are the analysts'
    landing     = module.lake.bucket_arns["landing"]
    lake        = module.lake.bucket_arns["lake"]
    checkpoints = module.lake.bucket_arns["checkpoints"]
  }
  kms_key_arn         = module.lake.kms_key_arn
  glue_database_names = values(module.catalog.database_names)
  tags                = var.tags
}
