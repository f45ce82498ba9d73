# Glue databases for the three layers and one Glue table per gold Delta table. The tables hold
# only a location and table_type = DELTA: Athena (engine v3) and Trino read the schema and the
# files from the Delta log, so a schema change in the pipeline needs no catalog change.

locals {
  layers = toset(["bronze", "silver", "gold"])
  gold = {
    for t in var.gold_tables : t => {
      name     = split(".", t)[1]
      location = "${trimsuffix(var.lake_root, "/")}/gold/${split(".", t)[1]}"
    }
  }
}

resource "aws_glue_catalog_database" "layer" {
  for_each = local.layers

  name        = "${var.database_prefix}${each.key}"
  description = "Tributary ${each.key} layer"
  tags        = var.tags
}

resource "aws_glue_catalog_table" "gold" {
  for_each = local.gold

  database_name = aws_glue_catalog_database.layer["gold"].name
  name          = each.value.name
  table_type    = "EXTERNAL_TABLE"
  description   = "Delta table written by Tributary; schema in its Delta log"

  parameters = {
    EXTERNAL   = "TRUE"
    table_type = "DELTA"
  }

  storage_descriptor {
    location = each.value.location
  }
}
