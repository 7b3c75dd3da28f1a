# The highest and the northernmost city.
input as $header
| reduce (inputs | split(",")) as $r ({high: null, north: null};
    (if $r[17] != "" and (.high == null or ($r[17] | tonumber) > (.high[17] | tonumber)) then .high = $r else . end)
    | (if .north == null or ($r[12] | tonumber) > (.north[12] | tonumber) then .north = $r else . end))
| [{record: "highest", name: .high[0], value: (.high[17] | tonumber)},
   {record: "northernmost", name: .north[0], value: (.north[12] | tonumber)}]
