//! The atlas's own words in English and Polish: its sections and a card's labels. The
//! words it shares with the map are the map's (`map::Language`).

use crate::columns::Field;
use crate::map::Language;

/// The atlas's sections, in the page's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Map,
    Timeline,
    Counts,
    Table,
    Cards,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Map,
        Section::Timeline,
        Section::Counts,
        Section::Table,
        Section::Cards,
    ];

    /// The section's id, the target of the contents' links.
    pub fn id(self) -> &'static str {
        match self {
            Section::Map => "map",
            Section::Timeline => "timeline",
            Section::Counts => "counts",
            Section::Table => "table",
            Section::Cards => "cards",
        }
    }
}

impl Language {
    pub fn section(self, section: Section) -> &'static str {
        match (self, section) {
            (Language::English, Section::Map) => "Map",
            (Language::English, Section::Timeline) => "Agreements over time",
            (Language::English, Section::Counts) => "Where, and which agreements",
            (Language::English, Section::Table) => "Every city",
            (Language::English, Section::Cards) => "City by city",
            (Language::Polish, Section::Map) => "Mapa",
            (Language::Polish, Section::Timeline) => "Umowy w czasie",
            (Language::Polish, Section::Counts) => "Gdzie i jakie umowy",
            (Language::Polish, Section::Table) => "Wszystkie miasta",
            (Language::Polish, Section::Cards) => "Miasto po mieście",
        }
    }

    pub fn contents(self) -> &'static str {
        match self {
            Language::English => "Contents",
            Language::Polish => "Spis treści",
        }
    }

    /// A line under the table: what the script adds.
    pub fn table_hint(self) -> &'static str {
        match self {
            Language::English => "A click on a column's heading sorts the table by it.",
            Language::Polish => "Kliknięcie nagłówka kolumny sortuje według niej tabelę.",
        }
    }

    /// A card's label for a field.
    pub fn label(self, field: Field) -> &'static str {
        use Field as F;
        match (self, field) {
            (Language::English, field) => field.column().label,
            (Language::Polish, F::Name) => "Nazwa",
            (Language::Polish, F::NamePl) => "Nazwa polska",
            (Language::Polish, F::NameLocal) => "Nazwa miejscowa",
            (Language::Polish, F::Aliases) => "Inne nazwy",
            (Language::Polish, F::Country) => "Kraj",
            (Language::Polish, F::Provenance) => "Źródła wartości",
            (Language::Polish, F::CountryCode) => "Kod kraju",
            (Language::Polish, F::Continent) => "Kontynent",
            (Language::Polish, F::Capital) => "Stolica",
            (Language::Polish, F::Agreement) => "Umowa",
            (Language::Polish, F::Signed) => "Podpisana",
            (Language::Polish, F::Status) => "Status",
            (Language::Polish, F::StatusSince) => "Status od",
            (Language::Polish, F::FirstAttested) => "Pierwsze potwierdzenie",
            (Language::Polish, F::LastAttested) => "Ostatnie potwierdzenie",
            (Language::Polish, F::Lat) => "Szerokość (°)",
            (Language::Polish, F::Lon) => "Długość (°)",
            (Language::Polish, F::Population) => "Ludność",
            (Language::Polish, F::PopulationYear) => "Rok danych o ludności",
            (Language::Polish, F::AreaKm2) => "Powierzchnia (km²)",
            (Language::Polish, F::ElevationM) => "Wysokość (m n.p.m.)",
            (Language::Polish, F::Sources) => "Źródła",
            (Language::Polish, F::Notes) => "Uwagi",
            (Language::Polish, F::DistanceKm) => "Od Krakowa (km)",
            (Language::Polish, F::DensityPerKm2) => "Gęstość (os./km²)",
            (Language::Polish, F::BearingDeg) => "Kierunek od Krakowa (°)",
            (Language::Polish, F::Bearing) => "Kierunek od Krakowa",
        }
    }

    /// A card's line of latitude and longitude.
    pub fn coordinates(self) -> &'static str {
        match self {
            Language::English => "Coordinates (°)",
            Language::Polish => "Współrzędne (°)",
        }
    }

    pub fn yes_no(self, yes: bool) -> &'static str {
        match (self, yes) {
            (Language::English, true) => "yes",
            (Language::English, false) => "no",
            (Language::Polish, true) => "tak",
            (Language::Polish, false) => "nie",
        }
    }

    /// The heading of a card's sources: of its values one by one, or of the whole row.
    pub fn sources_heading(self, per_value: bool) -> &'static str {
        match (self, per_value) {
            (Language::English, true) => "Sources",
            (Language::English, false) => "Sources of this city's values",
            (Language::Polish, true) => "Źródła",
            (Language::Polish, false) => "Źródła danych tego miasta",
        }
    }

    /// A card's line where the data gives no source.
    pub fn no_sources(self) -> &'static str {
        match self {
            Language::English => "The data gives no source.",
            Language::Polish => "Dane nie podają źródła.",
        }
    }
}
