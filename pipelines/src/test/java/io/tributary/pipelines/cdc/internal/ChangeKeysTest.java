package io.tributary.pipelines.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeKeysTest {
    private static final String OLD_SERVER =
            "mysql:mysql-bin/00000000000000000900/00000000000000050000/00000000000000000000";
    private static final String NEW_SERVER =
            "mysql:binlog/00000000000000000001/00000000000000000004/00000000000000000000";

    @Test
    void changesOrderByCommitTimeThenLogPosition() {
        assertThat(ChangeKeys.compare(2, OLD_SERVER, 1, NEW_SERVER)).isPositive();
        assertThat(ChangeKeys.compare(1, "00000000000000000007", 1, "00000000000000000009"))
                .isNegative();
    }

    /**
     * After a failover to a server whose binlog has another base name, a change in the same commit
     * second is not older because its file name sorts first: the two cannot be ordered, so the one
     * that arrives later (later on the topic) is applied, not dropped.
     */
    @Test
    void positionsOfTwoServersWithinOneSecondAreNotOrdered() {
        assertThat(ChangeKeys.compare(1_000_000, NEW_SERVER, 1_000_000, OLD_SERVER)).isZero();
        assertThat(
                        ChangeKeys.compare(
                                1_000_000,
                                OLD_SERVER.replace("00000000000000050000", "00000000000000060000"),
                                1_000_000,
                                OLD_SERVER))
                .as("same server: by position")
                .isPositive();
    }
}
