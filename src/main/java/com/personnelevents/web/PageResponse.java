package com.personnelevents.web;

import java.util.List;

/** One page of a list: always 50 items a page, with exact totals. */
public record PageResponse<T>(List<T> items, long totalCount, int page, int pageSize, long totalPages) {

    public static final int PAGE_SIZE = 50;

    public static <T> PageResponse<T> of(List<T> items, long totalCount, int page) {
        return new PageResponse<>(items, totalCount, page, PAGE_SIZE, (totalCount + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The row offset of a 1-based page, after checking that the page number is one. */
    public static long offset(int page) {
        if (page < 1) {
            throw com.personnelevents.validation.ValidationException.of("page", "Page must be 1 or greater");
        }
        return (long) (page - 1) * PAGE_SIZE;
    }
}
