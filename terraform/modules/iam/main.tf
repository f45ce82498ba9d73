# One IAM role per kind of Flink job (IRSA), each assumed only by its own JobManager and
# TaskManager service accounts — never by the backfill submitter, which needs no AWS access — and
# each with only what its jobs do:
# - every role reads and writes the lake under its key prefixes only (by default the three layers'
#   folders and Tributary's own state; a role can be narrowed to one domain's tables, such as
#   bronze/weblogs_) and uses the buckets' KMS key and the Glue databases;
# - a role with read_landing reads the landing files (backfills);
# - a role with checkpoints reads and writes checkpoints, savepoints and HA metadata (streaming);
# - a role with stream_arns reads those Kinesis streams and nothing else of Kinesis (and decrypts
#   them with the customer-managed keys in stream_kms_key_arns, if any).
# One job writes bronze, silver and gold of its domain, so a role deletes only under the prefixes
# it writes: a job's own uncommitted files, its writer lease, Delta log files past retention.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  oidc_host = trimprefix(var.oidc_provider_url, "https://")
  account   = data.aws_caller_identity.current.account_id
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
}

data "aws_iam_policy_document" "trust" {
  for_each = var.roles

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = [for sa in each.value.service_accounts : "system:serviceaccount:${var.namespace}:${sa}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flink" {
  for_each = var.roles

  name               = "${var.role_name_prefix}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.trust[each.key].json
  tags               = var.tags
}

data "aws_iam_policy_document" "flink" {
  for_each = var.roles

  statement {
    sid     = "ListBuckets"
    actions = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = compact([
      each.value.read_landing ? var.bucket_arns.landing : "",
      var.bucket_arns.lake,
      each.value.checkpoints ? var.bucket_arns.checkpoints : "",
    ])
  }

  dynamic "statement" {
    for_each = each.value.read_landing ? [1] : []
    content {
      sid       = "ReadLanding"
      actions   = ["s3:GetObject"]
      resources = ["${var.bucket_arns.landing}/*"]
    }
  }

  statement {
    sid = "ReadWriteOwnLakePrefixes"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = [for prefix in each.value.lake_prefixes : "${var.bucket_arns.lake}/${prefix}*"]
  }

  dynamic "statement" {
    for_each = each.value.checkpoints ? [1] : []
    content {
      sid = "ReadWriteCheckpoints"
      actions = [
        "s3:GetObject",
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:AbortMultipartUpload",
        "s3:ListMultipartUploadParts",
      ]
      resources = ["${var.bucket_arns.checkpoints}/*"]
    }
  }

  statement {
    sid       = "UseBucketKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [var.kms_key_arn]
  }

  statement {
    sid = "GlueCatalog"
    actions = [
      "glue:GetDatabase",
      "glue:GetTable",
      "glue:GetTables",
    ]
    resources = concat(
      ["arn:${local.partition}:glue:${local.region}:${local.account}:catalog"],
      [for db in var.glue_database_names : "arn:${local.partition}:glue:${local.region}:${local.account}:database/${db}"],
      [for db in var.glue_database_names : "arn:${local.partition}:glue:${local.region}:${local.account}:table/${db}/*"],
    )
  }

  dynamic "statement" {
    for_each = length(each.value.stream_arns) > 0 ? [1] : []
    content {
      # What the polling source calls (kinesis-connector): reading only, no consumer to register.
      sid = "ReadStreams"
      actions = [
        "kinesis:DescribeStreamSummary",
        "kinesis:ListShards",
        "kinesis:GetShardIterator",
        "kinesis:GetRecords",
      ]
      resources = each.value.stream_arns
    }
  }

  dynamic "statement" {
    for_each = length(each.value.stream_arns) > 0 && length(var.stream_kms_key_arns) > 0 ? [1] : []
    content {
      sid       = "DecryptStreams"
      actions   = ["kms:Decrypt"]
      resources = var.stream_kms_key_arns
    }
  }
}

resource "aws_iam_role_policy" "flink" {
  for_each = var.roles

  name   = "tributary-flink-${each.key}"
  role   = aws_iam_role.flink[each.key].id
  policy = data.aws_iam_policy_document.flink[each.key].json
}
