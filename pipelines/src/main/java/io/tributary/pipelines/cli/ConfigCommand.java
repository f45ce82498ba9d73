package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.Pipelines;
import io.tributary.pipelines.runtime.ToolProvider;
import io.tributary.pipelines.runtime.Tools;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.description.HtmlFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "config",
        description =
                "List every tributary.* setting — Tributary's own and each registered "
                        + "pipeline's — with its value in the profile and its description. A profile with any other "
                        + "tributary.* key is refused.")
final class ConfigCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        ResultPrinter.print(
                System.out,
                List.of("for", "key", "value", "description"),
                rows(common.configuration()),
                ResultPrinter.Format.TABLE);
        return 0;
    }

    /** A row per setting: who reads it, its key, its value and the first sentence about it. */
    static List<List<Object>> rows(Configuration conf) {
        List<List<Object>> rows = new ArrayList<>();
        addRows(rows, "tributary", OptionFields.of(TributaryOptions.class), conf);
        for (PipelineProvider provider : Pipelines.all()) {
            addRows(rows, provider.name(), provider.options(), conf);
        }
        for (ToolProvider tool : Tools.all()) {
            addRows(rows, tool.name(), tool.options(), conf);
        }
        return rows;
    }

    private static void addRows(
            List<List<Object>> rows,
            String owner,
            List<ConfigOption<?>> options,
            Configuration conf) {
        for (ConfigOption<?> option : options) {
            rows.add(
                    Arrays.asList(
                            owner,
                            option.key(),
                            value(option, conf),
                            firstSentence(plainText(option))));
        }
    }

    /**
     * The profile's value as a profile spells it ({@code 10 s}, not {@code PT10S}), else the
     * default, marked. No tributary.* setting holds a secret itself: they name a file or a variable
     * that does.
     */
    private static <T> String value(ConfigOption<T> option, Configuration conf) {
        Optional<T> set = conf.getOptional(option);
        if (set.isEmpty() && !option.hasDefaultValue()) {
            return null;
        }
        Configuration one = new Configuration();
        one.set(option, set.orElseGet(option::defaultValue));
        String text = one.toMap().get(option.key());
        return set.isPresent() ? text : text + " (default)";
    }

    /** The description without Flink's HTML: tags dropped, entities decoded. */
    private static String plainText(ConfigOption<?> option) {
        return new HtmlFormatter()
                .format(option.description())
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
