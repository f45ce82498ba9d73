# On-demand Kinesis Data Streams for the event and CDC feeds (capacity follows the traffic).

resource "aws_kinesis_stream" "this" {
  for_each = toset(var.streams)

  name             = "${var.name_prefix}-${each.key}"
  retention_period = var.retention_hours
  encryption_type  = "KMS"
  kms_key_id       = var.kms_key_arn != null ? var.kms_key_arn : "alias/aws/kinesis"
  tags             = var.tags

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}
