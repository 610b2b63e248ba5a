package com.crowdledger.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import com.crowdledger.shared.web.ListPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    private final CursorCodec codec = new CursorCodec(() -> "a 32-byte key for the unit tests".getBytes(
            StandardCharsets.US_ASCII));

    record Row(String id, Instant createdAt) {
        Position position() {
            return new Position(createdAt, id);
        }
    }

    @Test
    void limitDefaultsTo20AndTheFirstPageStartsAfterEverything() {
        PageRequest page = PageRequest.parse(null, null, codec);
        assertThat(page.limit()).isEqualTo(20);
        assertThat(page.isFirstPage()).isTrue();
        assertThat(page.fetchLimit().max()).isEqualTo(21);
        assertThat(page.afterCreatedAt()).isAfter(Instant.parse("9999-01-01T00:00:00Z"));
        assertThat(PageRequest.parse("", " ", codec)).isEqualTo(page);
    }

    @Test
    void limitFrom1To100IsTaken() {
        assertThat(PageRequest.parse("1", null, codec).limit()).isEqualTo(1);
        assertThat(PageRequest.parse("100", null, codec).limit()).isEqualTo(100);
        assertThat(PageRequest.parse("007", null, codec).limit()).isEqualTo(7);
        assertThat(PageRequest.parse("100", null, codec).fetchLimit().max()).isEqualTo(101);
    }

    @Test
    void limitOutsideTheRangeOrNotANumberIsRefused() {
        for (String limit : List.of("0", "101", "-1", "abc", "1.5", "1e2", "+5", "99999999999999999999", "0x10",
                "٣")) {
            assertThatThrownBy(() -> PageRequest.parse(limit, null, codec))
                    .as("limit %s", limit)
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                        assertThat(e.details()).extracting(FieldIssue::field).containsExactly("limit");
                    });
        }
    }

    @Test
    void tamperedCursorIsRefusedWhileParsing() {
        assertThatThrownBy(() -> PageRequest.parse("10", "bm90LWEtY3Vyc29y", codec))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.details()).extracting(FieldIssue::field).containsExactly("cursor"));
    }

    @Test
    void fullPageWithARowLeftOverHasMoreAndPointsAtItsLastItem() {
        List<Row> fetched = rows(4);
        ListPage<Row> page = PageRequest.parse("3", null, codec).toListPage(fetched, Row::position);
        assertThat(page.items()).containsExactlyElementsOf(fetched.subList(0, 3));
        assertThat(page.hasMore()).isTrue();

        PageRequest next = PageRequest.parse("3", page.cursor(), codec);
        assertThat(next.isFirstPage()).isFalse();
        assertThat(next.afterCreatedAt()).isEqualTo(fetched.get(2).createdAt());
        assertThat(next.afterId()).isEqualTo(fetched.get(2).id());
    }

    @Test
    void lastPageHasNoCursor() {
        PageRequest request = PageRequest.parse("3", null, codec);
        for (int fetched = 0; fetched <= 3; fetched++) {
            ListPage<Row> page = request.toListPage(rows(fetched), Row::position);
            assertThat(page.items()).hasSize(fetched);
            assertThat(page.hasMore()).isFalse();
            assertThat(page.cursor()).isNull();
        }
    }

    @Test
    void renderSeesOnlyTheRowsKept() {
        ListPage<String> page = PageRequest.parse("2", null, codec)
                .toListPage(rows(3), Row::position, kept -> kept.stream().map(Row::id).toList());
        assertThat(page.items()).containsExactly("key_0", "key_1");
        assertThat(page.hasMore()).isTrue();
    }

    private static List<Row> rows(int count) {
        Instant newest = Instant.parse("2026-03-01T10:15:30.123456Z");
        return IntStream.range(0, count).mapToObj(i -> new Row("key_" + i, newest.minusNanos(1000L * i))).toList();
    }
}
