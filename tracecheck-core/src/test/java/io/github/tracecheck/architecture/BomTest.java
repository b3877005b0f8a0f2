package io.github.tracecheck.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM lists every published module at the project's version, and forces nothing else on users;
 * no published module forces its JUnit version either.
 */
class BomTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void theBomManagesEveryPublishedModuleAndNothingElse() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("tracecheck-bom/pom.xml"));

    List<String> published = new ArrayList<>();
    for (String module : texts(parent, "module")) {
      if (module.startsWith("tracecheck-") && !module.equals("tracecheck-bom")) {
        published.add(module);
      }
    }
    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(child(dependency, "groupId")).isEqualTo("io.github.tracecheck");
      assertThat(child(dependency, "version")).isEqualTo("${project.version}");
      managed.add(child(dependency, "artifactId"));
    }
    assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void theBomHasNoParentAndTheProjectsVersion() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("tracecheck-bom/pom.xml"));

    assertThat(bom.getElementsByTagName("parent").getLength()).isZero();
    assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
  }

  @Test
  void noPublishedModuleForcesJUnitOntoTheUsersBuild() throws Exception {
    // A compile-scope JUnit would tie with the user's own at the same depth, and Maven would take
    // whichever is declared first: an API of one version with an engine of another.
    Document parent = read(ROOT.resolve("pom.xml"));
    for (String module : texts(parent, "module")) {
      if (!module.startsWith("tracecheck-")) {
        continue;
      }
      NodeList dependencies = read(ROOT.resolve(module).resolve("pom.xml")).getElementsByTagName("dependency");
      for (int i = 0; i < dependencies.getLength(); i++) {
        Element dependency = (Element) dependencies.item(i);
        String groupId = child(dependency, "groupId");
        if (groupId != null && groupId.startsWith("org.junit")) {
          assertThat(child(dependency, "scope"))
              .as("scope of %s:%s in %s", groupId, child(dependency, "artifactId"), module)
              .isIn("provided", "test");
        }
      }
    }
  }

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static List<String> texts(Document document, String tag) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = document.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  private static String child(Element element, String tag) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(tag)) {
        return child.getTextContent().strip();
      }
    }
    return null;
  }
}
