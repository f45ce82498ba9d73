package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.junit.jupiter.api.Test;

class EmbeddedClusterTest {
    @Test
    void theClusterObtainsNoDelegationTokensUnlessTheUserAsks() {
        assertThat(
                        EmbeddedCluster.clusterConfiguration(new Configuration())
                                .get(SecurityOptions.DELEGATION_TOKENS_ENABLED))
                .isFalse();

        Configuration asked = new Configuration();
        asked.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, true);
        assertThat(
                        EmbeddedCluster.clusterConfiguration(asked)
                                .get(SecurityOptions.DELEGATION_TOKENS_ENABLED))
                .isTrue();
    }

    @Test
    void theJobsDeploymentTargetIsNotTheClusters() {
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "remote");

        assertThat(EmbeddedCluster.clusterConfiguration(conf).contains(DeploymentOptions.TARGET))
                .isFalse();
        assertThat(conf.get(DeploymentOptions.TARGET)).isEqualTo("remote");
    }
}
