# Every city in Europe as JSON objects of all columns (the generated data has no
# quoted fields, so splitting lines on commas is exact for it).
(input | split(",")) as $header
| [inputs | split(",") | select(.[6] == "europe")
   | [$header, .] | transpose | map({(.[0]): .[1]}) | add]
