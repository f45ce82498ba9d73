package io.tributary.pipelines.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A table of the lake a pipeline writes: {@code <layer>.<domain>_<entity>}, declared by a {@code
 * CREATE TABLE} resource without connector options. Its location follows from the lake root.
 */
@PublicEvolving
public final class LakeTable {
    private final String layer;
    private final String name;
    private final String ddl;

    public LakeTable(String layer, String name, String ddl) {
        this.layer = layer;
        this.name = name;
        this.ddl = ddl;
    }

    /** The table a {@code CREATE TABLE <layer>.<name> (...)} statement declares. */
    public static LakeTable fromDdl(String ddl) {
        java.util.regex.Matcher name =
                java.util.regex.Pattern.compile(
                                "(?ims)^\\s*CREATE\\s+TABLE\\s+`?(\\w+)`?\\.`?(\\w+)`?")
                        .matcher(ddl);
        if (!name.find()) {
            throw new IllegalArgumentException(
                    "Not a CREATE TABLE <layer>.<name> statement: " + ddl);
        }
        return new LakeTable(name.group(1), name.group(2), ddl);
    }

    public String layer() {
        return layer;
    }

    public String name() {
        return name;
    }

    public String qualifiedName() {
        return layer + "." + name;
    }

    public String location(String lakeRoot) {
        return new TableName(layer, name).location(lakeRoot);
    }

    /** The DDL with the Delta connector options that place the table in the lake. */
    public String ddl(String lakeRoot, Map<String, String> connectorOptions) {
        Map<String, String> with = new LinkedHashMap<>();
        with.put("connector", "delta");
        with.put("path", location(lakeRoot));
        with.putAll(connectorOptions);
        return ddl + "\nWITH (" + SqlHints.pairs(with) + ")";
    }
}
