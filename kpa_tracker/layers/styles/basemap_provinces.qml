<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis styleCategories="AllStyleCategories" readOnly="0" simplifyAlgorithm="0" simplifyDrawingTol="1" symbologyReferenceScale="-1" labelsEnabled="1" simplifyMaxScale="1" minScale="15000000" simplifyDrawingHints="1" hasScaleBasedVisibilityFlag="1" maxScale="0" version="3.22.16-Białowieża" simplifyLocal="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startField="" startExpression="" endExpression="" limitMode="0" fixedDuration="0" mode="0" endField="" accumulate="0" enabled="0" durationField="" durationUnit="min">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 symbollevels="0" referencescale="-1" enableorderby="0" forceraster="0" type="singleSymbol">
    <symbols>
      <symbol name="0" clip_to_extent="1" alpha="1" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" class="SimpleFill" enabled="1" pass="0">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="0,0,0,0" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="205,200,189,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.15" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="0,0,0,0"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="205,200,189,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.15"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fontSize="7" previewBkgrdColor="255,255,255,255" fontWordSpacing="0" namedStyle="" fontKerning="1" textOrientation="horizontal" isExpression="1" fontSizeUnit="Point" fontWeight="50" fontUnderline="0" fontLetterSpacing="0" allowHtml="0" fontStrikeout="0" fieldName="&quot;name&quot;" fontSizeMapUnitScale="3x:0,0,0,0,0,0" textOpacity="1" useSubstitutions="0" blendMode="0" multilineHeight="1" capitalization="0" fontItalic="0" textColor="154,148,138,255" legendString="Aa" fontFamily="Noto Sans">
        <families/>
        <text-buffer bufferNoFill="1" bufferSizeUnits="MM" bufferColor="255,255,255,230" bufferOpacity="1" bufferDraw="1" bufferSize="0.80000000000000004" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferJoinStyle="128" bufferBlendMode="0"/>
        <text-mask maskJoinStyle="128" maskedSymbolLayers="" maskOpacity="1" maskType="0" maskSize="1.5" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskSizeUnits="MM" maskEnabled="0"/>
        <background shapeSizeY="0" shapeOffsetUnit="MM" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeRotation="0" shapeType="0" shapeRadiiX="0" shapeFillColor="255,255,255,255" shapeSizeX="0" shapeOpacity="1" shapeSizeType="0" shapeBorderWidth="0" shapeOffsetX="0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidthUnit="MM" shapeSVGFile="" shapeBorderColor="128,128,128,255" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeDraw="0" shapeJoinStyle="64" shapeRadiiUnit="MM" shapeSizeUnit="MM" shapeRadiiY="0" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetY="0" shapeRotationType="0" shapeBlendMode="0">
          <symbol name="fillSymbol" clip_to_extent="1" alpha="1" type="fill" force_rhr="0">
            <data_defined_properties>
              <Option type="Map">
                <Option value="" name="name" type="QString"/>
                <Option name="properties"/>
                <Option value="collection" name="type" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" class="SimpleFill" enabled="1" pass="0">
              <Option type="Map">
                <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
                <Option value="255,255,255,255" name="color" type="QString"/>
                <Option value="bevel" name="joinstyle" type="QString"/>
                <Option value="0,0" name="offset" type="QString"/>
                <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
                <Option value="MM" name="offset_unit" type="QString"/>
                <Option value="128,128,128,255" name="outline_color" type="QString"/>
                <Option value="no" name="outline_style" type="QString"/>
                <Option value="0" name="outline_width" type="QString"/>
                <Option value="MM" name="outline_width_unit" type="QString"/>
                <Option value="solid" name="style" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="255,255,255,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="128,128,128,255"/>
              <prop k="outline_style" v="no"/>
              <prop k="outline_width" v="0"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option value="" name="name" type="QString"/>
                  <Option name="properties"/>
                  <Option value="collection" name="type" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowOffsetDist="1" shadowOffsetGlobal="1" shadowScale="100" shadowOffsetAngle="135" shadowRadiusAlphaOnly="0" shadowBlendMode="6" shadowRadiusUnit="MM" shadowUnder="0" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowRadius="1.5" shadowDraw="0" shadowOffsetUnit="MM" shadowColor="0,0,0,255" shadowOpacity="0.69999999999999996" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0"/>
        <dd_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format plussign="0" wrapChar="" multilineAlign="3" leftDirectionSymbol="&lt;" autoWrapLength="0" placeDirectionSymbol="0" formatNumbers="0" decimals="3" rightDirectionSymbol=">" reverseDirectionSymbol="0" addDirectionSymbol="0" useMaxLineLengthForAutoWrap="1"/>
      <placement preserveRotation="1" placement="0" lineAnchorClipping="0" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" lineAnchorType="0" distUnits="MM" dist="1.5" geometryGeneratorType="PointGeometry" distMapUnitScale="3x:0,0,0,0,0,0" overrunDistanceUnit="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" polygonPlacementFlags="2" centroidInside="0" maxCurvedCharAngleOut="-25" fitInPolygonOnly="0" lineAnchorPercent="0.5" layerType="UnknownGeometry" priority="0" quadOffset="4" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" yOffset="0" offsetUnits="MM" centroidWhole="0" placementFlags="10" repeatDistance="0" overrunDistance="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" xOffset="0" geometryGeneratorEnabled="0" offsetType="0" rotationAngle="0" repeatDistanceUnits="MM" rotationUnit="AngleDegrees" maxCurvedCharAngleIn="25" geometryGenerator=""/>
      <rendering displayAll="0" fontMinPixelSize="0" scaleMax="6000000" unplacedVisibility="0" obstacleType="1" limitNumLabels="0" obstacleFactor="1" labelPerPart="0" drawLabels="1" fontMaxPixelSize="10000" obstacle="1" zIndex="0" scaleMin="0" mergeLines="0" scaleVisibility="1" fontLimitPixelSize="0" upsidedownLabels="0" minFeatureSize="0" maxNumLabels="2000"/>
      <dd_properties>
        <Option type="Map">
          <Option value="" name="name" type="QString"/>
          <Option name="properties"/>
          <Option value="collection" name="type" type="QString"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option value="pole_of_inaccessibility" name="anchorPoint" type="QString"/>
          <Option value="0" name="blendMode" type="int"/>
          <Option name="ddProperties" type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
          <Option value="false" name="drawToAllParts" type="bool"/>
          <Option value="0" name="enabled" type="QString"/>
          <Option value="point_on_exterior" name="labelAnchorPoint" type="QString"/>
          <Option value="&lt;symbol name=&quot;symbol&quot; clip_to_extent=&quot;1&quot; alpha=&quot;1&quot; type=&quot;line&quot; force_rhr=&quot;0&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; name=&quot;name&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; name=&quot;type&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer locked=&quot;0&quot; class=&quot;SimpleLine&quot; enabled=&quot;1&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;0&quot; name=&quot;align_dash_pattern&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;square&quot; name=&quot;capstyle&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;5;2&quot; name=&quot;customdash&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;customdash_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;customdash_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;dash_pattern_offset&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;dash_pattern_offset_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;draw_inside_polygon&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;bevel&quot; name=&quot;joinstyle&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;60,60,60,255&quot; name=&quot;line_color&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;solid&quot; name=&quot;line_style&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0.3&quot; name=&quot;line_width&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;line_width_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;offset&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;offset_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;offset_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;ring_filter&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;trim_distance_end&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;trim_distance_end_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;trim_distance_end_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;trim_distance_start&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;trim_distance_start_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;trim_distance_start_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;tweak_dash_pattern_on_corners&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;use_custom_dash&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;width_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; name=&quot;name&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; name=&quot;type&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>" name="lineSymbol" type="QString"/>
          <Option value="0" name="minLength" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="minLengthMapUnitScale" type="QString"/>
          <Option value="MM" name="minLengthUnit" type="QString"/>
          <Option value="0" name="offsetFromAnchor" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="offsetFromAnchorMapUnitScale" type="QString"/>
          <Option value="MM" name="offsetFromAnchorUnit" type="QString"/>
          <Option value="0" name="offsetFromLabel" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="offsetFromLabelMapUnitScale" type="QString"/>
          <Option value="MM" name="offsetFromLabelUnit" type="QString"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <customproperties>
    <Option type="Map">
      <Option value="name" name="dualview/previewExpressions" type="QString"/>
      <Option value="0" name="embeddedWidgets/count" type="QString"/>
      <Option name="variableNames"/>
      <Option name="variableValues"/>
    </Option>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <SingleCategoryDiagramRenderer diagramType="Histogram" attributeLegend="1">
    <DiagramCategory opacity="1" penAlpha="255" backgroundAlpha="255" backgroundColor="#ffffff" minScaleDenominator="0" direction="1" diagramOrientation="Up" spacing="0" maxScaleDenominator="1e+08" penColor="#000000" lineSizeScale="3x:0,0,0,0,0,0" spacingUnit="MM" sizeScale="3x:0,0,0,0,0,0" scaleDependency="Area" enabled="0" barWidth="5" penWidth="0" showAxis="0" lineSizeType="MM" scaleBasedVisibility="0" rotationOffset="270" labelPlacementMethod="XHeight" minimumSize="0" spacingUnitScale="3x:0,0,0,0,0,0" height="15" width="15" sizeType="MM">
      <fontProperties description="Ubuntu,11,-1,5,50,0,0,0,0,0" style=""/>
      <attribute label="" color="#000000" colorOpacity="1" field=""/>
      <axisSymbol>
        <symbol name="" clip_to_extent="1" alpha="1" type="line" force_rhr="0">
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
          <layer locked="0" class="SimpleLine" enabled="1" pass="0">
            <Option type="Map">
              <Option value="0" name="align_dash_pattern" type="QString"/>
              <Option value="square" name="capstyle" type="QString"/>
              <Option value="5;2" name="customdash" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="customdash_map_unit_scale" type="QString"/>
              <Option value="MM" name="customdash_unit" type="QString"/>
              <Option value="0" name="dash_pattern_offset" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="dash_pattern_offset_map_unit_scale" type="QString"/>
              <Option value="MM" name="dash_pattern_offset_unit" type="QString"/>
              <Option value="0" name="draw_inside_polygon" type="QString"/>
              <Option value="bevel" name="joinstyle" type="QString"/>
              <Option value="35,35,35,255" name="line_color" type="QString"/>
              <Option value="solid" name="line_style" type="QString"/>
              <Option value="0.26" name="line_width" type="QString"/>
              <Option value="MM" name="line_width_unit" type="QString"/>
              <Option value="0" name="offset" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
              <Option value="MM" name="offset_unit" type="QString"/>
              <Option value="0" name="ring_filter" type="QString"/>
              <Option value="0" name="trim_distance_end" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="trim_distance_end_map_unit_scale" type="QString"/>
              <Option value="MM" name="trim_distance_end_unit" type="QString"/>
              <Option value="0" name="trim_distance_start" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="trim_distance_start_map_unit_scale" type="QString"/>
              <Option value="MM" name="trim_distance_start_unit" type="QString"/>
              <Option value="0" name="tweak_dash_pattern_on_corners" type="QString"/>
              <Option value="0" name="use_custom_dash" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="width_map_unit_scale" type="QString"/>
            </Option>
            <prop k="align_dash_pattern" v="0"/>
            <prop k="capstyle" v="square"/>
            <prop k="customdash" v="5;2"/>
            <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="customdash_unit" v="MM"/>
            <prop k="dash_pattern_offset" v="0"/>
            <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="dash_pattern_offset_unit" v="MM"/>
            <prop k="draw_inside_polygon" v="0"/>
            <prop k="joinstyle" v="bevel"/>
            <prop k="line_color" v="35,35,35,255"/>
            <prop k="line_style" v="solid"/>
            <prop k="line_width" v="0.26"/>
            <prop k="line_width_unit" v="MM"/>
            <prop k="offset" v="0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="ring_filter" v="0"/>
            <prop k="trim_distance_end" v="0"/>
            <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="trim_distance_end_unit" v="MM"/>
            <prop k="trim_distance_start" v="0"/>
            <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="trim_distance_start_unit" v="MM"/>
            <prop k="tweak_dash_pattern_on_corners" v="0"/>
            <prop k="use_custom_dash" v="0"/>
            <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <data_defined_properties>
              <Option type="Map">
                <Option value="" name="name" type="QString"/>
                <Option name="properties"/>
                <Option value="collection" name="type" type="QString"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
      </axisSymbol>
    </DiagramCategory>
  </SingleCategoryDiagramRenderer>
  <DiagramLayerSettings dist="0" priority="0" placement="1" showAll="1" zIndex="0" linePlacementFlags="18" obstacle="0">
    <properties>
      <Option type="Map">
        <Option value="" name="name" type="QString"/>
        <Option name="properties"/>
        <Option value="collection" name="type" type="QString"/>
      </Option>
    </properties>
  </DiagramLayerSettings>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks/>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="fid">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="iso_a2">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="name">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="fips">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="woe_label">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="woe_name">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="sov_a3">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="adm0_a3">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="admin">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gu_a3">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gn_name">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="" field="fid" index="0"/>
    <alias name="" field="iso_a2" index="1"/>
    <alias name="" field="name" index="2"/>
    <alias name="" field="fips" index="3"/>
    <alias name="" field="woe_label" index="4"/>
    <alias name="" field="woe_name" index="5"/>
    <alias name="" field="sov_a3" index="6"/>
    <alias name="" field="adm0_a3" index="7"/>
    <alias name="" field="admin" index="8"/>
    <alias name="" field="gu_a3" index="9"/>
    <alias name="" field="gn_name" index="10"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="fid" expression=""/>
    <default applyOnUpdate="0" field="iso_a2" expression=""/>
    <default applyOnUpdate="0" field="name" expression=""/>
    <default applyOnUpdate="0" field="fips" expression=""/>
    <default applyOnUpdate="0" field="woe_label" expression=""/>
    <default applyOnUpdate="0" field="woe_name" expression=""/>
    <default applyOnUpdate="0" field="sov_a3" expression=""/>
    <default applyOnUpdate="0" field="adm0_a3" expression=""/>
    <default applyOnUpdate="0" field="admin" expression=""/>
    <default applyOnUpdate="0" field="gu_a3" expression=""/>
    <default applyOnUpdate="0" field="gn_name" expression=""/>
  </defaults>
  <constraints>
    <constraint unique_strength="1" notnull_strength="1" field="fid" constraints="3" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="iso_a2" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="name" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="fips" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="woe_label" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="woe_name" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="sov_a3" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="adm0_a3" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="admin" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="gu_a3" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="gn_name" constraints="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="fid"/>
    <constraint desc="" exp="" field="iso_a2"/>
    <constraint desc="" exp="" field="name"/>
    <constraint desc="" exp="" field="fips"/>
    <constraint desc="" exp="" field="woe_label"/>
    <constraint desc="" exp="" field="woe_name"/>
    <constraint desc="" exp="" field="sov_a3"/>
    <constraint desc="" exp="" field="adm0_a3"/>
    <constraint desc="" exp="" field="admin"/>
    <constraint desc="" exp="" field="gu_a3"/>
    <constraint desc="" exp="" field="gn_name"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions>
    <defaultAction value="{00000000-0000-0000-0000-000000000000}" key="Canvas"/>
  </attributeactions>
  <attributetableconfig sortExpression="" sortOrder="0" actionWidgetStyle="dropDown">
    <columns>
      <column hidden="0" width="-1" name="iso_a2" type="field"/>
      <column hidden="0" width="-1" name="name" type="field"/>
      <column hidden="0" width="-1" name="fips" type="field"/>
      <column hidden="0" width="-1" name="woe_label" type="field"/>
      <column hidden="0" width="-1" name="woe_name" type="field"/>
      <column hidden="0" width="-1" name="sov_a3" type="field"/>
      <column hidden="0" width="-1" name="adm0_a3" type="field"/>
      <column hidden="0" width="-1" name="admin" type="field"/>
      <column hidden="0" width="-1" name="gu_a3" type="field"/>
      <column hidden="0" width="-1" name="gn_name" type="field"/>
      <column hidden="1" width="-1" type="actions"/>
      <column hidden="0" width="-1" name="fid" type="field"/>
    </columns>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[# -*- coding: utf-8 -*-
"""
QGIS forms can have a Python function that is called when the form is
opened.

Use this function to add extra logic to your forms.

Enter the name of the function in the "Python Init function"
field.
An example follows:
"""
from qgis.PyQt.QtWidgets import QWidget

def my_form_open(dialog, layer, feature):
	geom = feature.geometry()
	control = dialog.findChild(QWidget, "MyLineEdit")
]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable>
    <field name="abbrev" editable="1"/>
    <field name="adm0_a3" editable="1"/>
    <field name="adm0_label" editable="1"/>
    <field name="adm0_sr" editable="1"/>
    <field name="adm1_code" editable="1"/>
    <field name="admin" editable="1"/>
    <field name="area_sqkm" editable="1"/>
    <field name="check_me" editable="1"/>
    <field name="code_hasc" editable="1"/>
    <field name="code_local" editable="1"/>
    <field name="datarank" editable="1"/>
    <field name="diss_me" editable="1"/>
    <field name="featurecla" editable="1"/>
    <field name="fid" editable="1"/>
    <field name="fips" editable="1"/>
    <field name="fips_alt" editable="1"/>
    <field name="gadm_level" editable="1"/>
    <field name="geonunit" editable="1"/>
    <field name="gn_a1_code" editable="1"/>
    <field name="gn_id" editable="1"/>
    <field name="gn_level" editable="1"/>
    <field name="gn_name" editable="1"/>
    <field name="gn_region" editable="1"/>
    <field name="gns_adm1" editable="1"/>
    <field name="gns_id" editable="1"/>
    <field name="gns_lang" editable="1"/>
    <field name="gns_level" editable="1"/>
    <field name="gns_name" editable="1"/>
    <field name="gns_region" editable="1"/>
    <field name="gu_a3" editable="1"/>
    <field name="hasc_maybe" editable="1"/>
    <field name="iso_3166_2" editable="1"/>
    <field name="iso_a2" editable="1"/>
    <field name="labelrank" editable="1"/>
    <field name="latitude" editable="1"/>
    <field name="longitude" editable="1"/>
    <field name="mapcolor13" editable="1"/>
    <field name="mapcolor9" editable="1"/>
    <field name="max_label" editable="1"/>
    <field name="min_label" editable="1"/>
    <field name="min_zoom" editable="1"/>
    <field name="name" editable="1"/>
    <field name="name_alt" editable="1"/>
    <field name="name_ar" editable="1"/>
    <field name="name_bn" editable="1"/>
    <field name="name_de" editable="1"/>
    <field name="name_el" editable="1"/>
    <field name="name_en" editable="1"/>
    <field name="name_es" editable="1"/>
    <field name="name_fr" editable="1"/>
    <field name="name_hi" editable="1"/>
    <field name="name_hu" editable="1"/>
    <field name="name_id" editable="1"/>
    <field name="name_it" editable="1"/>
    <field name="name_ja" editable="1"/>
    <field name="name_ko" editable="1"/>
    <field name="name_len" editable="1"/>
    <field name="name_local" editable="1"/>
    <field name="name_nl" editable="1"/>
    <field name="name_pl" editable="1"/>
    <field name="name_pt" editable="1"/>
    <field name="name_ru" editable="1"/>
    <field name="name_sv" editable="1"/>
    <field name="name_tr" editable="1"/>
    <field name="name_vi" editable="1"/>
    <field name="name_zh" editable="1"/>
    <field name="ne_id" editable="1"/>
    <field name="note" editable="1"/>
    <field name="postal" editable="1"/>
    <field name="provnum_ne" editable="1"/>
    <field name="region" editable="1"/>
    <field name="region_cod" editable="1"/>
    <field name="region_sub" editable="1"/>
    <field name="sameascity" editable="1"/>
    <field name="scalerank" editable="1"/>
    <field name="sov_a3" editable="1"/>
    <field name="sub_code" editable="1"/>
    <field name="type" editable="1"/>
    <field name="type_en" editable="1"/>
    <field name="wikidataid" editable="1"/>
    <field name="wikipedia" editable="1"/>
    <field name="woe_id" editable="1"/>
    <field name="woe_label" editable="1"/>
    <field name="woe_name" editable="1"/>
  </editable>
  <labelOnTop>
    <field labelOnTop="0" name="abbrev"/>
    <field labelOnTop="0" name="adm0_a3"/>
    <field labelOnTop="0" name="adm0_label"/>
    <field labelOnTop="0" name="adm0_sr"/>
    <field labelOnTop="0" name="adm1_code"/>
    <field labelOnTop="0" name="admin"/>
    <field labelOnTop="0" name="area_sqkm"/>
    <field labelOnTop="0" name="check_me"/>
    <field labelOnTop="0" name="code_hasc"/>
    <field labelOnTop="0" name="code_local"/>
    <field labelOnTop="0" name="datarank"/>
    <field labelOnTop="0" name="diss_me"/>
    <field labelOnTop="0" name="featurecla"/>
    <field labelOnTop="0" name="fid"/>
    <field labelOnTop="0" name="fips"/>
    <field labelOnTop="0" name="fips_alt"/>
    <field labelOnTop="0" name="gadm_level"/>
    <field labelOnTop="0" name="geonunit"/>
    <field labelOnTop="0" name="gn_a1_code"/>
    <field labelOnTop="0" name="gn_id"/>
    <field labelOnTop="0" name="gn_level"/>
    <field labelOnTop="0" name="gn_name"/>
    <field labelOnTop="0" name="gn_region"/>
    <field labelOnTop="0" name="gns_adm1"/>
    <field labelOnTop="0" name="gns_id"/>
    <field labelOnTop="0" name="gns_lang"/>
    <field labelOnTop="0" name="gns_level"/>
    <field labelOnTop="0" name="gns_name"/>
    <field labelOnTop="0" name="gns_region"/>
    <field labelOnTop="0" name="gu_a3"/>
    <field labelOnTop="0" name="hasc_maybe"/>
    <field labelOnTop="0" name="iso_3166_2"/>
    <field labelOnTop="0" name="iso_a2"/>
    <field labelOnTop="0" name="labelrank"/>
    <field labelOnTop="0" name="latitude"/>
    <field labelOnTop="0" name="longitude"/>
    <field labelOnTop="0" name="mapcolor13"/>
    <field labelOnTop="0" name="mapcolor9"/>
    <field labelOnTop="0" name="max_label"/>
    <field labelOnTop="0" name="min_label"/>
    <field labelOnTop="0" name="min_zoom"/>
    <field labelOnTop="0" name="name"/>
    <field labelOnTop="0" name="name_alt"/>
    <field labelOnTop="0" name="name_ar"/>
    <field labelOnTop="0" name="name_bn"/>
    <field labelOnTop="0" name="name_de"/>
    <field labelOnTop="0" name="name_el"/>
    <field labelOnTop="0" name="name_en"/>
    <field labelOnTop="0" name="name_es"/>
    <field labelOnTop="0" name="name_fr"/>
    <field labelOnTop="0" name="name_hi"/>
    <field labelOnTop="0" name="name_hu"/>
    <field labelOnTop="0" name="name_id"/>
    <field labelOnTop="0" name="name_it"/>
    <field labelOnTop="0" name="name_ja"/>
    <field labelOnTop="0" name="name_ko"/>
    <field labelOnTop="0" name="name_len"/>
    <field labelOnTop="0" name="name_local"/>
    <field labelOnTop="0" name="name_nl"/>
    <field labelOnTop="0" name="name_pl"/>
    <field labelOnTop="0" name="name_pt"/>
    <field labelOnTop="0" name="name_ru"/>
    <field labelOnTop="0" name="name_sv"/>
    <field labelOnTop="0" name="name_tr"/>
    <field labelOnTop="0" name="name_vi"/>
    <field labelOnTop="0" name="name_zh"/>
    <field labelOnTop="0" name="ne_id"/>
    <field labelOnTop="0" name="note"/>
    <field labelOnTop="0" name="postal"/>
    <field labelOnTop="0" name="provnum_ne"/>
    <field labelOnTop="0" name="region"/>
    <field labelOnTop="0" name="region_cod"/>
    <field labelOnTop="0" name="region_sub"/>
    <field labelOnTop="0" name="sameascity"/>
    <field labelOnTop="0" name="scalerank"/>
    <field labelOnTop="0" name="sov_a3"/>
    <field labelOnTop="0" name="sub_code"/>
    <field labelOnTop="0" name="type"/>
    <field labelOnTop="0" name="type_en"/>
    <field labelOnTop="0" name="wikidataid"/>
    <field labelOnTop="0" name="wikipedia"/>
    <field labelOnTop="0" name="woe_id"/>
    <field labelOnTop="0" name="woe_label"/>
    <field labelOnTop="0" name="woe_name"/>
  </labelOnTop>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression>name</previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>2</layerGeometryType>
</qgis>
