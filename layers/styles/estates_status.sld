<?xml version="1.0" encoding="UTF-8"?>
<!-- Industrial-estate styles for a layer whose status attribute is "status" (operating | planned) and name "nama"
     (as layers/estates.gpkg).
     Use from tapak.yml with   style: styles/estates_status.sld
     status_kawasan: operating solid plum, planned light with a dashed outline, names below 1:100 000. -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer>
    <Name>estates</Name>
    <UserStyle>
      <Name>status_kawasan</Name>
      <Title>Kawasan industri menurut status / Estates by status</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>beroperasi</Name>
          <Title>Beroperasi / Operating</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>operating</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#8C28A0</CssParameter><CssParameter name="fill-opacity">0.6</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#5A146E</CssParameter><CssParameter name="stroke-width">1.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>rencana</Name>
          <Title>Rencana / Planned</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>planned</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#C896D7</CssParameter><CssParameter name="fill-opacity">0.4</CssParameter></Fill>
          </PolygonSymbolizer>
          <LineSymbolizer>
            <Stroke><CssParameter name="stroke">#6E1E82</CssParameter><CssParameter name="stroke-width">1.5</CssParameter><CssParameter name="stroke-dasharray">6 4</CssParameter></Stroke>
          </LineSymbolizer>
        </Rule>
        <Rule>
          <Name>nama</Name>
          <Title>Nama / Name</Title>
          <MaxScaleDenominator>100000</MaxScaleDenominator>
          <TextSymbolizer>
            <Label><ogc:PropertyName>nama</ogc:PropertyName></Label>
            <Font><CssParameter name="font-size">11</CssParameter></Font>
            <Halo><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#1E1E1E</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
