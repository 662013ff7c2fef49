<?xml version="1.0" encoding="UTF-8"?>
<!-- Pola ruang (RTRW / RDTR) styles for a spatial-plan layer whose class attribute is KUGI NAMOBJ.
     Use from tapak.yml with   style: styles/pola_ruang_atr.sld   (path relative to tapak.yml).
     pola_ruang_atr: the ATR/BPN colour convention (as the built-in default style, written out as SLD 1.0).
     kpi_saja: only Kawasan Peruntukan Industri (KPI), for PP 20/2024 Art. 43(2) checks; everything else outlined. -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer>
    <Name>pola_ruang</Name>
    <UserStyle>
      <Name>pola_ruang_atr</Name>
      <Title>Pola ruang (warna ATR/BPN) / Land-use plan (ATR/BPN colours)</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>industri</Name>
          <Title>Kawasan industri / Industry</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Industri*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#A03CC8</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>permukiman</Name>
          <Title>Permukiman / Settlement</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Permukiman*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#FABE3C</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>tanaman_pangan</Name>
          <Title>Tanaman pangan / Food crops</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Tanaman Pangan*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6EC846</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>hortikultura</Name>
          <Title>Hortikultura / Horticulture</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Hortikultura*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#B4E65A</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>perkebunan</Name>
          <Title>Perkebunan / Plantations</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Perkebunan*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#96AA28</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>hutan_lindung</Name>
          <Title>Hutan lindung / Protection forest</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Hutan Lindung*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#145A28</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>konservasi</Name>
          <Title>Konservasi / Conservation</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Konservasi*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#236E3C</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>perlindungan_setempat</Name>
          <Title>Perlindungan setempat / Local protection</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Perlindungan Setempat*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3C966E</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>hutan_produksi</Name>
          <Title>Hutan produksi / Production forest</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Hutan Produksi*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#64963C</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>badan_air</Name>
          <Title>Badan air / Water body</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Badan Air*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#5AAAE6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>perikanan</Name>
          <Title>Perikanan / Fisheries</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Perikanan*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#82C8E6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>pariwisata</Name>
          <Title>Pariwisata / Tourism</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Pariwisata*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#F082BE</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>transportasi</Name>
          <Title>Transportasi / Transport</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Transportasi*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#969696</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>lainnya</Name>
          <Title>Lainnya / Other</Title>
          <ElseFilter/>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#D2D2D2</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#3C3C3C</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
    <UserStyle>
      <Name>kpi_saja</Name>
      <Title>Hanya kawasan peruntukan industri / Industrial zoning only</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>kpi</Name>
          <Title>Kawasan peruntukan industri (KPI) / Industrial zone</Title>
          <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escape="!"><ogc:PropertyName>NAMOBJ</ogc:PropertyName><ogc:Literal>*Industri*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#A03CC8</CssParameter><CssParameter name="fill-opacity">0.8</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#5A1478</CssParameter><CssParameter name="stroke-width">2</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>bukan_kpi</Name>
          <Title>Bukan KPI / Other zones</Title>
          <ElseFilter/>
          <MaxScaleDenominator>500000</MaxScaleDenominator>
          <LineSymbolizer>
            <Stroke><CssParameter name="stroke">#808080</CssParameter><CssParameter name="stroke-width">0.8</CssParameter></Stroke>
          </LineSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
