# One role for the Flink JobManager and TaskManager pods (IRSA; their two service accounts, never
# the backfill CronJob's), with only what the jobs do:
# read landing files, read and write the lake and the checkpoints, use the buckets' KMS key,
# look up the Glue catalog's Tributary databases (Terraform, not the jobs, defines the tables),
# and read the event streams.

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
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = [for sa in var.service_accounts : "system:serviceaccount:${var.namespace}:${sa}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flink" {
  name               = var.role_name
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags               = var.tags
}

data "aws_iam_policy_document" "flink" {
  statement {
    sid       = "ListBuckets"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = values(var.bucket_arns)
  }

  statement {
    sid       = "ReadLanding"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arns.landing}/*"]
  }

  statement {
    sid = "ReadWriteLakeAndCheckpoints"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = [
      "${var.bucket_arns.lake}/*",
      "${var.bucket_arns.checkpoints}/*",
    ]
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
    for_each = length(var.stream_arns) > 0 ? [1] : []
    content {
      sid = "ReadStreams"
      actions = [
        "kinesis:DescribeStream",
        "kinesis:DescribeStreamSummary",
        "kinesis:ListShards",
        "kinesis:GetShardIterator",
        "kinesis:GetRecords",
        "kinesis:SubscribeToShard",
        "kinesis:DescribeStreamConsumer",
        "kinesis:RegisterStreamConsumer",
      ]
      resources = concat(var.stream_arns, [for s in var.stream_arns : "${s}/consumer/*"])
    }
  }
}

resource "aws_iam_role_policy" "flink" {
  name   = "tributary-flink"
  role   = aws_iam_role.flink.id
  policy = data.aws_iam_policy_document.flink.json
}
