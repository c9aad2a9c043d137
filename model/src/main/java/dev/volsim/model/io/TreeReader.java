package dev.volsim.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.common.collect.ImmutableList;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Reads a file's bytes into {@link YNode} documents. JSON (first character {@code {} or
 * {@code [}) goes through a JSON parser, as kubectl does; everything else through a YAML 1.1
 * composer whose scalars resolve as the API machinery's YAML does ({@code 0644} is octal,
 * {@code yes} is a bool). Not thread-safe; cheap to create.
 */
final class TreeReader {
  private final ReadLimits limits;

  TreeReader(ReadLimits limits) {
    this.limits = limits;
  }

  /** Every document of the file, in order; an empty document gives no entry. */
  List<YNode> read(String file, byte[] bytes) throws ManifestException {
    if (bytes.length > limits.maxFileBytes()) {
      throw new ManifestException(Location.startOf(file), "file is " + bytes.length
          + " bytes, more than the limit of " + limits.maxFileBytes() + " bytes");
    }
    if (!mayBeJson(bytes)) {
      checkDocumentSizes(file, bytes);
    }
    String text = decodeUtf8(file, bytes);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return readJson(file, text);
    }
    return readYaml(file, text);
  }

  private static String decodeUtf8(String file, byte[] bytes) throws ManifestException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      int line = 1;
      int col = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          col = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          col++;
        }
      }
      throw new ManifestException(new Location(file, line, col), String.format(
          "invalid UTF-8: byte 0x%02x at offset %d (files must be UTF-8)", bytes[bad] & 0xFF, bad));
    }
  }

  private static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
      if (n < 0 || i + n >= b.length) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return Math.max(0, b.length - 1);
  }

  // ---------------------------------------------------------------- YAML

  private List<YNode> readYaml(String file, String text) throws ManifestException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // the decoder reports duplicates with their field path
    options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxDocumentChars());
    options.setAllowRecursiveKeys(false);
    checkPrintable(file, text);
    // Not new Yaml(options).composeAll(reader): SnakeYAML's StreamReader is quadratic on long
    // tokens; TextStreamReader reads the same text in linear time.
    Composer composer = new Composer(
        new ParserImpl(new ScannerImpl(new TextStreamReader(text), options)), new Resolver(), options);
    List<YNode> documents = new ArrayList<>();
    try {
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (node == null) {
          continue;
        }
        YNode converted = new YamlConverter(file).convert(node, 0);
        if (!(converted instanceof YScalar s && s.kind() == ScalarKind.NULL)) {
          documents.add(converted);
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new ManifestException(at(file, mark), "yaml: " + yamlProblem(e));
    } catch (YAMLException e) {
      throw new ManifestException(Location.startOf(file), "yaml: " + plainYamlMessage(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new ManifestException(Location.startOf(file), "yaml: document nested too deeply");
    }
    return documents;
  }

  /**
   * Whether the bytes may be JSON: the first character that is not ASCII white space (after a
   * byte order mark) is {@code {}, {@code [} or not ASCII. Only a cheap pre-check: the decoded
   * text decides.
   */
  private static boolean mayBeJson(byte[] bytes) {
    int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    while (i < bytes.length && bytes[i] >= 0 && Character.isWhitespace((char) bytes[i])) {
      i++;
    }
    return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[' || bytes[i] < 0);
  }

  /**
   * Rejects at once a YAML document longer than the limit, before decoding or scanning it:
   * documents are split at lines starting with a {@code ---} or {@code ...} marker, which end a
   * document wherever they stand, and code points are counted as UTF-8 lead bytes. (The scanner
   * enforces the same limit, but only after reading a whole token, which for a 50 MiB value means
   * decoding and reading all of it.)
   */
  private void checkDocumentSizes(String file, byte[] bytes) throws ManifestException {
    int max = limits.maxDocumentChars();
    if (bytes.length <= max) {
      return;
    }
    int line = 1;
    int docLine = 1;
    long codePoints = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if ((b & 0xC0) != 0x80 && ++codePoints > max) {
        throw new ManifestException(new Location(file, docLine, 1), "yaml: document exceeds the API"
            + " server's size limit (The incoming YAML document exceeds the limit: " + max + " code points.)");
      }
      if (b == '\n') {
        line++;
        if (isDocumentMarker(bytes, i + 1)) {
          docLine = line;
          codePoints = 0;
        }
      }
    }
  }

  private static boolean isDocumentMarker(byte[] b, int at) {
    if (at + 2 >= b.length) {
      return false;
    }
    byte m = b[at];
    if ((m != '-' && m != '.') || b[at + 1] != m || b[at + 2] != m) {
      return false;
    }
    if (at + 3 >= b.length) {
      return true;
    }
    byte next = b[at + 3];
    return next == ' ' || next == '\t' || next == '\n' || next == '\r';
  }

  /**
   * YAML allows only printable characters (tab and line breaks aside); the first other one is
   * reported where it stands, as the API machinery's YAML reader does.
   */
  private static void checkPrintable(String file, String text) throws ManifestException {
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!StreamReader.isPrintable(c)) {
        throw new ManifestException(new Location(file, line, col), String.format(
            "yaml: control characters are not allowed (U+%04X)", c));
      }
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        col = 1;
      } else {
        col++;
      }
      i += Character.charCount(c);
    }
  }

  private static String yamlProblem(MarkedYAMLException e) {
    String problem = e.getProblem();
    if (problem == null) {
      problem = e.getContext();
    }
    return plainYamlMessage(problem == null ? "malformed document" : problem);
  }

  private static String plainYamlMessage(String message) {
    if (message == null) {
      return "malformed document";
    }
    if (message.startsWith("Number of aliases")) {
      return "document contains excessive aliasing";
    }
    if (message.contains("exceeds the limit")) {
      return "document exceeds the API server's size limit (" + message + ")";
    }
    if (message.startsWith("Nesting Depth exceeded")) {
      return "document nested too deeply (" + message + ")";
    }
    // SnakeYAML messages end in a newline-separated excerpt; one line is enough here.
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  private static Location at(String file, Mark mark) {
    return mark == null ? Location.startOf(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Converts one composed document, expanding aliases within the node budget. */
  private final class YamlConverter {
    private final String file;
    private int nodes;

    YamlConverter(String file) {
      this.file = file;
    }

    YNode convert(Node node, int depth) throws ManifestException {
      Location loc = at(file, node.getStartMark());
      if (++nodes > limits.maxNodes()) {
        throw new ManifestException(loc, "yaml: document contains excessive aliasing");
      }
      if (depth > limits.maxDepth()) {
        throw new ManifestException(loc, "yaml: document nested too deeply (more than "
            + limits.maxDepth() + " levels)");
      }
      if (node instanceof MappingNode map) {
        ImmutableList.Builder<Entry> entries = ImmutableList.builder();
        for (NodeTuple tuple : map.getValue()) {
          Node key = tuple.getKeyNode();
          if (key.getTag().equals(Tag.MERGE)) {
            addMerged(entries, tuple.getValueNode(), depth);
            continue;
          }
          if (!(key instanceof ScalarNode scalarKey)) {
            throw new ManifestException(at(file, key.getStartMark()),
                "yaml: invalid map key: a key must be a string, not a " + kindOf(key));
          }
          entries.add(new Entry(scalarKey.getValue(), at(file, key.getStartMark()),
              convert(tuple.getValueNode(), depth + 1)));
        }
        return new YMap(loc, entries.build());
      } else if (node instanceof SequenceNode seq) {
        ImmutableList.Builder<YNode> items = ImmutableList.builder();
        for (Node item : seq.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new YList(loc, items.build());
      } else {
        ScalarNode scalar = (ScalarNode) node;
        return new YScalar(loc, scalar.getValue(), Scalars.kindOf(scalar));
      }
    }

    /** YAML merge keys ({@code <<: *base}): entries of the merged mapping(s) come first. */
    private void addMerged(ImmutableList.Builder<Entry> entries, Node merged, int depth)
        throws ManifestException {
      if (merged instanceof MappingNode) {
        entries.addAll(((YMap) convert(merged, depth + 1)).entries());
      } else if (merged instanceof SequenceNode seq) {
        for (Node each : seq.getValue()) {
          addMerged(entries, each, depth);
        }
      } else {
        throw new ManifestException(at(file, merged.getStartMark()),
            "yaml: map merge requires map or sequence of maps as the value");
      }
    }

    private String kindOf(Node n) {
      return n instanceof MappingNode ? "mapping" : n instanceof SequenceNode ? "sequence" : "scalar";
    }
  }

  // ---------------------------------------------------------------- JSON

  private List<YNode> readJson(String file, String text) throws ManifestException {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxDocumentLength(limits.maxDocumentChars())
            .maxStringLength(limits.maxDocumentChars())
            .build())
        .build();
    List<YNode> documents = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        documents.add(readJsonValue(file, parser, token, 0));
      }
    } catch (JsonProcessingException e) {
      throw new ManifestException(at(file, e.getLocation()), "json: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ManifestException(Location.startOf(file), "json: " + e.getMessage());
    }
    return documents;
  }

  private YNode readJsonValue(String file, JsonParser p, JsonToken token, int depth) throws IOException {
    Location loc = at(file, p.currentTokenLocation());
    switch (token) {
      case START_OBJECT -> {
        ImmutableList.Builder<Entry> entries = ImmutableList.builder();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyLoc = at(file, p.currentTokenLocation());
          entries.add(new Entry(key, keyLoc, readJsonValue(file, p, p.nextToken(), depth + 1)));
        }
        return new YMap(loc, entries.build());
      }
      case START_ARRAY -> {
        ImmutableList.Builder<YNode> items = ImmutableList.builder();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(readJsonValue(file, p, t, depth + 1));
        }
        return new YList(loc, items.build());
      }
      case VALUE_STRING -> {
        return new YScalar(loc, p.getText(), ScalarKind.STRING);
      }
      case VALUE_NUMBER_INT -> {
        return new YScalar(loc, p.getText(), ScalarKind.INT);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new YScalar(loc, p.getText(), ScalarKind.FLOAT);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YScalar(loc, p.getText(), ScalarKind.BOOL);
      }
      case VALUE_NULL -> {
        return new YScalar(loc, "null", ScalarKind.NULL);
      }
      default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + token);
    }
  }

  private static Location at(String file, JsonLocation loc) {
    return loc == null ? Location.startOf(file)
        : new Location(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
  }
}
