# Cities per country, largest first.
input as $header
| reduce (inputs | split(",") | .[4]) as $c ({}; .[$c] += 1)
| to_entries | sort_by(-.value) | map({country: .key, count: .value})
