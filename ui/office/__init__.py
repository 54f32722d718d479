"""The office's screens over the hub (review, ranking, trends, the 整改 tracker), and the review
as an inspector sees it: the list's standing, the office's comments on the items."""
