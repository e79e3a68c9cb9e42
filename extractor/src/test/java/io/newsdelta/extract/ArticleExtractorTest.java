package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

  private final ArticleExtractor extractor = ArticleExtractor.generic();

  @Test
  void shouldKeepStoryParagraphsHeadingsListsAndQuotesInReadingOrder() {
    ExtractedArticle article = extractor.extract(Pages.utf8("news-page.html"),
        "https://www.riverside-gazette.example/news/tram");

    assertThat(article.paragraphs()).containsExactly(
        "The city council has voted to approve a £240m tram line linking the central station with"
            + " the university campus, ending a decade of debate over the city's transport plans.",
        "Councillors backed the scheme by 34 votes to 12 on Tuesday evening after a four-hour"
            + " meeting in which residents from the eastern suburbs argued that the route \"ignores"
            + " the people who need it most\".",
        "Construction to start next year",
        "Work on the 6.5km route is expected to begin in spring 2025, with the first trams running"
            + " by the summer of 2028. The council said disruption would be kept to a minimum -"
            + " although some roads will close for up to nine months.",
        "The line will stop at:",
        "Central Station, with a new interchange on Platform Road",
        "The market square and the old town hall",
        "The university campus and the teaching hospital",
        "\"This is the most important decision this council has taken in a generation,\" said the"
            + " council leader, Mark O'Neill.",
        "Opponents say the money would be better spent on buses. A petition against the scheme has"
            + " collected more than 8,000 signatures.");
    assertThat(article.emptyReason()).isNull();
  }

  @Test
  void shouldNotLetBoilerplateIntoTheText() {
    String text = extractor.extract(Pages.utf8("news-page.html"), "https://x.example/").text();

    assertThat(text).doesNotContain("cookies", "Most read", "Man rescued", "Advertisement",
        "Related stories", "newsletter", "42 comments", "Last updated", "minutes ago",
        "Share on", "All rights reserved", "Sport", "Local", "Privacy");
  }

  @Test
  void shouldReadMetadataFromTheHead() {
    ExtractedArticle article = extractor.extract(Pages.utf8("news-page.html"),
        "https://www.riverside-gazette.example/news/tram?utm_source=rss");

    assertThat(article.title()).isEqualTo("Council approves new tram line");
    assertThat(article.standfirst())
        .isEqualTo("The £240m line will link the station with the university by 2028.");
    assertThat(article.byline()).isEqualTo("Priya Shah");
    assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-03-12T08:15:00Z"));
    assertThat(article.modifiedAt()).isEqualTo(Instant.parse("2024-03-12T10:40:00Z"));
    assertThat(article.language()).isEqualTo("en-GB");
    assertThat(article.canonicalUrl())
        .isEqualTo("https://www.riverside-gazette.example/news/2024/03/12/tram-line");
    assertThat(article.method()).isEqualTo("named: div.article__body");
  }

  @Test
  void shouldFindTheStoryInAPageWithoutArticleElement() {
    ExtractedArticle article = extractor.extract(Pages.utf8("no-article-tag.html"),
        "https://www.nordkurier.example/wirtschaft/strompreise");

    assertThat(article.title()).isEqualTo("Stadtwerke erhöhen Strompreise zum 1. Januar");
    assertThat(article.method()).isEqualTo("named: div#story-body");
    assertThat(article.paragraphs()).containsExactly(
        "Die Stadtwerke heben zum Jahreswechsel die Preise für Strom und Gas deutlich an. Ein"
            + " Haushalt mit einem Verbrauch von 3.500 Kilowattstunden zahlt dann rund 180 Euro mehr"
            + " im Jahr, wie das Unternehmen am Dienstag mitteilte.",
        "Als Grund nannte Geschäftsführer Jens Albrecht die gestiegenen Netzentgelte. \"Wir geben"
            + " nur weiter, was wir selbst mehr bezahlen müssen\", sagte er.",
        "Die Verbraucherzentrale rät, die Preise zu vergleichen. Ein Wechsel des Anbieters sei in"
            + " vielen Fällen innerhalb von vier Wochen möglich.",
        "Kunden mit Sonderverträgen sind von der Erhöhung zunächst nicht betroffen - ihre Preise"
            + " gelten bis Ende 2024.");
  }

  @Test
  void shouldUseJsonLdArticleBodyWhenThePageRendersNoText() {
    ExtractedArticle article = extractor.extract(Pages.utf8("jsonld-body.html"),
        "https://quotidien.example/tgv");

    assertThat(article.method()).isEqualTo("schema.org articleBody");
    assertThat(article.title()).isEqualTo("Le TGV Paris-Lyon retardé par une panne");
    assertThat(article.byline()).isEqualTo("Claire Dubois");
    assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-05-02T05:30:00Z"));
    assertThat(article.paragraphs()).hasSize(3)
        .first().isEqualTo("Une panne de signalisation a provoqué jeudi matin d'importants retards"
            + " sur la ligne à grande vitesse entre Paris et Lyon.");
  }

  @Test
  void shouldReturnEmptyParagraphsAndAReasonForAPageWithoutArticle() {
    ExtractedArticle article = extractor.extract(Pages.utf8("no-article.html"),
        "https://times.example/sections");

    assertThat(article.paragraphs()).isEmpty();
    assertThat(article.emptyReason()).isNotBlank();
  }

  @Test
  void shouldReadTheStoryOutOfBrokenMarkup() {
    String story = "Die Brücke bleibt bis Freitag gesperrt, teilte die Stadt am Montag mit. Der Verkehr"
        + " wird über die Nordstraße umgeleitet.";
    ExtractedArticle article = extractor.extract(
        "<html><body><div><p>" + story + "<b><i> Busse fahren normal.</div></table><p>unclosed", "u");

    assertThat(article.paragraphs()).first().asString().startsWith(story).endsWith("Busse fahren normal.");
    assertThat(article.emptyReason()).isNull();
  }

  @Test
  void shouldGiveAReasonNotAnErrorForEmptyOrTextlessHtml() {
    assertThat(extractor.extract("<html><body><p>unclosed <b><i>tags</div></table>", "u").emptyReason())
        .isEqualTo("too little text for an article (scored: body)");
    assertThat(extractor.extract("", "u").emptyReason()).isEqualTo("page is empty");
    assertThat(extractor.extract((String) null, null).emptyReason()).isEqualTo("page is empty");
    assertThat(extractor.extract(new byte[0], null, "u").emptyReason()).isEqualTo("page is empty");
  }

  @Test
  void shouldGiveTheSameTextWhenOnlyTheSidebarChanged() {
    String page = Pages.utf8("news-page.html");
    String changed = page.replace("Man rescued from river", "Woman wins lottery")
        .replace("Last updated 5 minutes ago", "Last updated 7 minutes ago");

    assertThat(extractor.extract(changed, "u").text())
        .isEqualTo(extractor.extract(page, "u").text());
  }

  @Test
  void shouldSeeAnEditedParagraph() {
    String page = Pages.utf8("news-page.html");
    String changed = page.replace("34 votes to 12", "35 votes to 11");

    assertThat(extractor.extract(changed, "u").text()).contains("35 votes to 11")
        .isNotEqualTo(extractor.extract(page, "u").text());
  }
}
