package io.aoaigw.harness.emulator.aoai;

import java.util.Map;

/**
 * Azure region names ({@code swedencentral}) and the display names Azure OpenAI answers with in {@code x-ms-region}
 * ({@code Sweden Central}, as recorded live: src/test/resources/recordings). The table lists the regions of
 * {@code az account list-locations}; a name outside it is answered as given.
 */
final class RegionNames {
    private static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry("australiacentral", "Australia Central"), Map.entry("australiaeast", "Australia East"),
            Map.entry("australiasoutheast", "Australia Southeast"), Map.entry("brazilsouth", "Brazil South"),
            Map.entry("canadacentral", "Canada Central"), Map.entry("canadaeast", "Canada East"),
            Map.entry("centralindia", "Central India"), Map.entry("centralus", "Central US"),
            Map.entry("eastasia", "East Asia"), Map.entry("eastus", "East US"), Map.entry("eastus2", "East US 2"),
            Map.entry("francecentral", "France Central"), Map.entry("germanywestcentral", "Germany West Central"),
            Map.entry("italynorth", "Italy North"), Map.entry("japaneast", "Japan East"),
            Map.entry("japanwest", "Japan West"), Map.entry("koreacentral", "Korea Central"),
            Map.entry("mexicocentral", "Mexico Central"), Map.entry("northcentralus", "North Central US"),
            Map.entry("northeurope", "North Europe"), Map.entry("norwayeast", "Norway East"),
            Map.entry("polandcentral", "Poland Central"), Map.entry("qatarcentral", "Qatar Central"),
            Map.entry("southafricanorth", "South Africa North"), Map.entry("southcentralus", "South Central US"),
            Map.entry("southeastasia", "Southeast Asia"), Map.entry("southindia", "South India"),
            Map.entry("spaincentral", "Spain Central"), Map.entry("swedencentral", "Sweden Central"),
            Map.entry("switzerlandnorth", "Switzerland North"), Map.entry("switzerlandwest", "Switzerland West"),
            Map.entry("uaenorth", "UAE North"), Map.entry("uksouth", "UK South"), Map.entry("ukwest", "UK West"),
            Map.entry("westcentralus", "West Central US"), Map.entry("westeurope", "West Europe"),
            Map.entry("westus", "West US"), Map.entry("westus2", "West US 2"), Map.entry("westus3", "West US 3"));

    private RegionNames() {
    }

    static String displayName(String region) {
        return region == null ? null : DISPLAY.getOrDefault(region.toLowerCase(java.util.Locale.ROOT), region);
    }
}
