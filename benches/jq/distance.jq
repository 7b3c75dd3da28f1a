# Distance from Kraków for every city (haversine on the mean radius), then the nearest
# and the farthest.
def rad: . * 3.141592653589793 / 180;
def km($lat; $lon):
  2 * 6371.0088 * ((((($lat - 50.0617) | rad) / 2 | sin) | pow(.; 2)
    + (50.0617 | rad | cos) * ($lat | rad | cos) * ((((($lon - 19.9373) | rad) / 2) | sin) | pow(.; 2))) | sqrt | asin);
input as $header
| [inputs | split(",") | {name: .[0], distance_km: km(.[12] | tonumber; .[13] | tonumber)}]
| [{record: "nearest"} + min_by(.distance_km), {record: "farthest"} + max_by(.distance_km)]
