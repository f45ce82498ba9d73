package io.tributary.connector.kinesis;

import static org.apache.flink.configuration.description.TextElement.text;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

/** Where the source's AWS credentials come from ({@code aws.credentials.provider}). */
@PublicEvolving
public enum CredentialsProvider implements DescribedEnum {
    AUTO(
            "The AWS SDK's default chain: environment, system properties, web identity (EKS IRSA),"
                    + " profile, container and instance roles."),
    BASIC(
            "The access key in 'aws.credentials.basic.accesskeyid' and"
                    + " 'aws.credentials.basic.secretkey'.");

    private final String description;

    CredentialsProvider(String description) {
        this.description = description;
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}
