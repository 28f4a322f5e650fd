<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyDrawingTol="1" labelsEnabled="1" simplifyLocal="1" simplifyDrawingHints="1" simplifyAlgorithm="0" simplifyMaxScale="1" symbologyReferenceScale="-1" minScale="0" version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" maxScale="0" readOnly="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal limitMode="0" startField="" durationField="" enabled="0" endExpression="" startExpression="" durationUnit="min" fixedDuration="0" accumulate="0" mode="0" endField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="singleSymbol" referencescale="-1" enableorderby="0" forceraster="0" symbollevels="0">
    <symbols>
      <symbol type="fill" force_rhr="0" clip_to_extent="1" alpha="1" name="0">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="color" value="241,239,233,255"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="154,148,138,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="style" value="solid"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="241,239,233,255"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="154,148,138,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
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
      <text-style fieldName="&quot;NAME&quot;" fontWeight="50" useSubstitutions="0" capitalization="0" fontSizeMapUnitScale="3x:0,0,0,0,0,0" textOrientation="horizontal" legendString="Aa" textColor="125,119,109,255" fontSize="9" fontUnderline="0" fontStrikeout="0" fontLetterSpacing="0" textOpacity="1" blendMode="0" fontItalic="0" fontWordSpacing="0" fontSizeUnit="Point" previewBkgrdColor="255,255,255,255" fontKerning="1" fontFamily="Noto Sans" allowHtml="0" isExpression="1" namedStyle="" multilineHeight="1">
        <families/>
        <text-buffer bufferJoinStyle="128" bufferSize="0.80000000000000004" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferDraw="1" bufferBlendMode="0" bufferNoFill="1" bufferColor="255,255,255,230" bufferOpacity="1" bufferSizeUnits="MM"/>
        <text-mask maskOpacity="1" maskedSymbolLayers="" maskSizeUnits="MM" maskJoinStyle="128" maskType="0" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskEnabled="0" maskSize="1.5"/>
        <background shapeDraw="0" shapeRadiiX="0" shapeOpacity="1" shapeRadiiY="0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeFillColor="255,255,255,255" shapeBorderWidth="0" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidthUnit="MM" shapeRotationType="0" shapeSVGFile="" shapeJoinStyle="64" shapeBorderColor="128,128,128,255" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeRotation="0" shapeType="0" shapeOffsetUnit="MM" shapeRadiiUnit="MM" shapeOffsetX="0" shapeSizeX="0" shapeOffsetY="0" shapeSizeY="0" shapeBlendMode="0" shapeSizeUnit="MM" shapeSizeType="0">
          <symbol type="fill" force_rhr="0" clip_to_extent="1" alpha="1" name="fillSymbol">
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
            <layer class="SimpleFill" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
                <Option type="QString" name="color" value="255,255,255,255"/>
                <Option type="QString" name="joinstyle" value="bevel"/>
                <Option type="QString" name="offset" value="0,0"/>
                <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
                <Option type="QString" name="offset_unit" value="MM"/>
                <Option type="QString" name="outline_color" value="128,128,128,255"/>
                <Option type="QString" name="outline_style" value="no"/>
                <Option type="QString" name="outline_width" value="0"/>
                <Option type="QString" name="outline_width_unit" value="MM"/>
                <Option type="QString" name="style" value="solid"/>
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
                  <Option type="QString" name="name" value=""/>
                  <Option name="properties"/>
                  <Option type="QString" name="type" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowRadiusAlphaOnly="0" shadowOffsetUnit="MM" shadowOffsetGlobal="1" shadowUnder="0" shadowOpacity="0.69999999999999996" shadowColor="0,0,0,255" shadowDraw="0" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowRadius="1.5" shadowScale="100" shadowOffsetAngle="135" shadowBlendMode="6" shadowOffsetDist="1" shadowRadiusUnit="MM"/>
        <dd_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format placeDirectionSymbol="0" plussign="0" formatNumbers="0" rightDirectionSymbol=">" multilineAlign="3" reverseDirectionSymbol="0" useMaxLineLengthForAutoWrap="1" decimals="3" wrapChar="" autoWrapLength="0" leftDirectionSymbol="&lt;" addDirectionSymbol="0"/>
      <placement placementFlags="10" rotationUnit="AngleDegrees" rotationAngle="0" yOffset="0" xOffset="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" overrunDistance="0" geometryGeneratorEnabled="0" layerType="UnknownGeometry" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" lineAnchorClipping="0" placement="0" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" lineAnchorPercent="0.5" geometryGenerator="" maxCurvedCharAngleIn="25" geometryGeneratorType="PointGeometry" preserveRotation="1" distMapUnitScale="3x:0,0,0,0,0,0" quadOffset="4" centroidInside="0" maxCurvedCharAngleOut="-25" overrunDistanceUnit="MM" polygonPlacementFlags="2" distUnits="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" lineAnchorType="0" offsetType="0" repeatDistanceUnits="MM" repeatDistance="0" fitInPolygonOnly="0" centroidWhole="0" dist="1.5" offsetUnits="MM" priority="0"/>
      <rendering upsidedownLabels="0" unplacedVisibility="0" obstacleType="1" displayAll="0" scaleMin="1000000" zIndex="0" scaleVisibility="1" minFeatureSize="0" fontLimitPixelSize="0" drawLabels="1" limitNumLabels="0" labelPerPart="0" maxNumLabels="2000" obstacle="1" fontMaxPixelSize="10000" scaleMax="0" obstacleFactor="1" fontMinPixelSize="0" mergeLines="0"/>
      <dd_properties>
        <Option type="Map">
          <Option type="QString" name="name" value=""/>
          <Option name="properties"/>
          <Option type="QString" name="type" value="collection"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option type="QString" name="anchorPoint" value="pole_of_inaccessibility"/>
          <Option type="int" name="blendMode" value="0"/>
          <Option type="Map" name="ddProperties">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
          <Option type="bool" name="drawToAllParts" value="false"/>
          <Option type="QString" name="enabled" value="0"/>
          <Option type="QString" name="labelAnchorPoint" value="point_on_exterior"/>
          <Option type="QString" name="lineSymbol" value="&lt;symbol type=&quot;line&quot; force_rhr=&quot;0&quot; clip_to_extent=&quot;1&quot; alpha=&quot;1&quot; name=&quot;symbol&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;name&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;type&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer class=&quot;SimpleLine&quot; enabled=&quot;1&quot; locked=&quot;0&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;align_dash_pattern&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;capstyle&quot; value=&quot;square&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash&quot; value=&quot;5;2&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;draw_inside_polygon&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;joinstyle&quot; value=&quot;bevel&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_color&quot; value=&quot;60,60,60,255&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_style&quot; value=&quot;solid&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_width&quot; value=&quot;0.3&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_width_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;ring_filter&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;tweak_dash_pattern_on_corners&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;use_custom_dash&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;width_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;name&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;type&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>"/>
          <Option type="double" name="minLength" value="0"/>
          <Option type="QString" name="minLengthMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="minLengthUnit" value="MM"/>
          <Option type="double" name="offsetFromAnchor" value="0"/>
          <Option type="QString" name="offsetFromAnchorMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="offsetFromAnchorUnit" value="MM"/>
          <Option type="double" name="offsetFromLabel" value="0"/>
          <Option type="QString" name="offsetFromLabelMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="offsetFromLabelUnit" value="MM"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <customproperties>
    <Option type="Map">
      <Option type="QString" name="dualview/previewExpressions" value="NAME"/>
      <Option type="QString" name="embeddedWidgets/count" value="0"/>
      <Option name="variableNames"/>
      <Option name="variableValues"/>
    </Option>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <SingleCategoryDiagramRenderer diagramType="Histogram" attributeLegend="1">
    <DiagramCategory showAxis="0" sizeType="MM" minScaleDenominator="0" direction="1" maxScaleDenominator="1e+08" enabled="0" height="15" penWidth="0" diagramOrientation="Up" rotationOffset="270" width="15" scaleDependency="Area" minimumSize="0" labelPlacementMethod="XHeight" penColor="#000000" penAlpha="255" opacity="1" sizeScale="3x:0,0,0,0,0,0" lineSizeType="MM" backgroundColor="#ffffff" spacingUnit="MM" lineSizeScale="3x:0,0,0,0,0,0" barWidth="5" backgroundAlpha="255" spacingUnitScale="3x:0,0,0,0,0,0" scaleBasedVisibility="0" spacing="0">
      <fontProperties description="Cantarell,11,-1,5,50,0,0,0,0,0" style=""/>
      <attribute field="" color="#000000" colorOpacity="1" label=""/>
      <axisSymbol>
        <symbol type="line" force_rhr="0" clip_to_extent="1" alpha="1" name="">
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
          <layer class="SimpleLine" enabled="1" locked="0" pass="0">
            <Option type="Map">
              <Option type="QString" name="align_dash_pattern" value="0"/>
              <Option type="QString" name="capstyle" value="square"/>
              <Option type="QString" name="customdash" value="5;2"/>
              <Option type="QString" name="customdash_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="customdash_unit" value="MM"/>
              <Option type="QString" name="dash_pattern_offset" value="0"/>
              <Option type="QString" name="dash_pattern_offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="dash_pattern_offset_unit" value="MM"/>
              <Option type="QString" name="draw_inside_polygon" value="0"/>
              <Option type="QString" name="joinstyle" value="bevel"/>
              <Option type="QString" name="line_color" value="35,35,35,255"/>
              <Option type="QString" name="line_style" value="solid"/>
              <Option type="QString" name="line_width" value="0.26"/>
              <Option type="QString" name="line_width_unit" value="MM"/>
              <Option type="QString" name="offset" value="0"/>
              <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="offset_unit" value="MM"/>
              <Option type="QString" name="ring_filter" value="0"/>
              <Option type="QString" name="trim_distance_end" value="0"/>
              <Option type="QString" name="trim_distance_end_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="trim_distance_end_unit" value="MM"/>
              <Option type="QString" name="trim_distance_start" value="0"/>
              <Option type="QString" name="trim_distance_start_map_unit_scale" value="3x:0,0,0,0,0,0"/>
              <Option type="QString" name="trim_distance_start_unit" value="MM"/>
              <Option type="QString" name="tweak_dash_pattern_on_corners" value="0"/>
              <Option type="QString" name="use_custom_dash" value="0"/>
              <Option type="QString" name="width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
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
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
      </axisSymbol>
    </DiagramCategory>
  </SingleCategoryDiagramRenderer>
  <DiagramLayerSettings linePlacementFlags="18" showAll="1" dist="0" zIndex="0" priority="0" obstacle="0" placement="0">
    <properties>
      <Option type="Map">
        <Option type="QString" name="name" value=""/>
        <Option name="properties"/>
        <Option type="QString" name="type" value="collection"/>
      </Option>
    </properties>
  </DiagramLayerSettings>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks/>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="fid" configurationFlags="None">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="iso_a2" configurationFlags="None">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="NAME" configurationFlags="None">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="FIPS_10_" configurationFlags="None">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="ISO_A3" configurationFlags="None">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="WB_A2" configurationFlags="None">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="WB_A3" configurationFlags="None">
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
    <alias name="" field="NAME" index="2"/>
    <alias name="" field="FIPS_10_" index="3"/>
    <alias name="" field="ISO_A3" index="4"/>
    <alias name="" field="WB_A2" index="5"/>
    <alias name="" field="WB_A3" index="6"/>
  </aliases>
  <defaults>
    <default expression="" field="fid" applyOnUpdate="0"/>
    <default expression="" field="iso_a2" applyOnUpdate="0"/>
    <default expression="" field="NAME" applyOnUpdate="0"/>
    <default expression="" field="FIPS_10_" applyOnUpdate="0"/>
    <default expression="" field="ISO_A3" applyOnUpdate="0"/>
    <default expression="" field="WB_A2" applyOnUpdate="0"/>
    <default expression="" field="WB_A3" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint unique_strength="1" exp_strength="0" field="fid" notnull_strength="1" constraints="3"/>
    <constraint unique_strength="0" exp_strength="0" field="iso_a2" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="NAME" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="FIPS_10_" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="ISO_A3" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="WB_A2" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="WB_A3" notnull_strength="0" constraints="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" field="fid" exp=""/>
    <constraint desc="" field="iso_a2" exp=""/>
    <constraint desc="" field="NAME" exp=""/>
    <constraint desc="" field="FIPS_10_" exp=""/>
    <constraint desc="" field="ISO_A3" exp=""/>
    <constraint desc="" field="WB_A2" exp=""/>
    <constraint desc="" field="WB_A3" exp=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions>
    <defaultAction value="{00000000-0000-0000-0000-000000000000}" key="Canvas"/>
  </attributeactions>
  <attributetableconfig sortOrder="0" sortExpression="" actionWidgetStyle="dropDown">
    <columns>
      <column type="field" name="NAME" hidden="0" width="-1"/>
      <column type="field" name="FIPS_10_" hidden="0" width="-1"/>
      <column type="field" name="ISO_A3" hidden="0" width="-1"/>
      <column type="field" name="WB_A2" hidden="0" width="-1"/>
      <column type="field" name="WB_A3" hidden="0" width="-1"/>
      <column type="actions" hidden="1" width="-1"/>
      <column type="field" name="fid" hidden="0" width="-1"/>
      <column type="field" name="iso_a2" hidden="0" width="-1"/>
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
    <field editable="1" name="ABBREV"/>
    <field editable="1" name="ABBREV_LEN"/>
    <field editable="1" name="ADM0_A3"/>
    <field editable="1" name="ADM0_A3_IS"/>
    <field editable="1" name="ADM0_A3_UN"/>
    <field editable="1" name="ADM0_A3_US"/>
    <field editable="1" name="ADM0_A3_WB"/>
    <field editable="1" name="ADM0_DIF"/>
    <field editable="1" name="ADMIN"/>
    <field editable="1" name="BRK_A3"/>
    <field editable="1" name="BRK_DIFF"/>
    <field editable="1" name="BRK_GROUP"/>
    <field editable="1" name="BRK_NAME"/>
    <field editable="1" name="CONTINENT"/>
    <field editable="1" name="ECONOMY"/>
    <field editable="1" name="FIPS_10_"/>
    <field editable="1" name="FORMAL_EN"/>
    <field editable="1" name="FORMAL_FR"/>
    <field editable="1" name="GDP_MD_EST"/>
    <field editable="1" name="GDP_YEAR"/>
    <field editable="1" name="GEOUNIT"/>
    <field editable="1" name="GEOU_DIF"/>
    <field editable="1" name="GU_A3"/>
    <field editable="1" name="HOMEPART"/>
    <field editable="1" name="INCOME_GRP"/>
    <field editable="1" name="ISO_A2"/>
    <field editable="1" name="ISO_A3"/>
    <field editable="1" name="ISO_A3_EH"/>
    <field editable="1" name="ISO_N3"/>
    <field editable="1" name="LABELRANK"/>
    <field editable="1" name="LASTCENSUS"/>
    <field editable="1" name="LEVEL"/>
    <field editable="1" name="LONG_LEN"/>
    <field editable="1" name="MAPCOLOR13"/>
    <field editable="1" name="MAPCOLOR7"/>
    <field editable="1" name="MAPCOLOR8"/>
    <field editable="1" name="MAPCOLOR9"/>
    <field editable="1" name="MAX_LABEL"/>
    <field editable="1" name="MIN_LABEL"/>
    <field editable="1" name="MIN_ZOOM"/>
    <field editable="1" name="NAME"/>
    <field editable="1" name="NAME_ALT"/>
    <field editable="1" name="NAME_AR"/>
    <field editable="1" name="NAME_BN"/>
    <field editable="1" name="NAME_CIAWF"/>
    <field editable="1" name="NAME_DE"/>
    <field editable="1" name="NAME_EL"/>
    <field editable="1" name="NAME_EN"/>
    <field editable="1" name="NAME_ES"/>
    <field editable="1" name="NAME_FR"/>
    <field editable="1" name="NAME_HI"/>
    <field editable="1" name="NAME_HU"/>
    <field editable="1" name="NAME_ID"/>
    <field editable="1" name="NAME_IT"/>
    <field editable="1" name="NAME_JA"/>
    <field editable="1" name="NAME_KO"/>
    <field editable="1" name="NAME_LEN"/>
    <field editable="1" name="NAME_LONG"/>
    <field editable="1" name="NAME_NL"/>
    <field editable="1" name="NAME_PL"/>
    <field editable="1" name="NAME_PT"/>
    <field editable="1" name="NAME_RU"/>
    <field editable="1" name="NAME_SORT"/>
    <field editable="1" name="NAME_SV"/>
    <field editable="1" name="NAME_TR"/>
    <field editable="1" name="NAME_VI"/>
    <field editable="1" name="NAME_ZH"/>
    <field editable="1" name="NE_ID"/>
    <field editable="1" name="NOTE_ADM0"/>
    <field editable="1" name="NOTE_BRK"/>
    <field editable="1" name="POP_EST"/>
    <field editable="1" name="POP_RANK"/>
    <field editable="1" name="POP_YEAR"/>
    <field editable="1" name="POSTAL"/>
    <field editable="1" name="REGION_UN"/>
    <field editable="1" name="REGION_WB"/>
    <field editable="1" name="SOVEREIGNT"/>
    <field editable="1" name="SOV_A3"/>
    <field editable="1" name="SUBREGION"/>
    <field editable="1" name="SUBUNIT"/>
    <field editable="1" name="SU_A3"/>
    <field editable="1" name="SU_DIF"/>
    <field editable="1" name="TINY"/>
    <field editable="1" name="TYPE"/>
    <field editable="1" name="UN_A3"/>
    <field editable="1" name="WB_A2"/>
    <field editable="1" name="WB_A3"/>
    <field editable="1" name="WIKIDATAID"/>
    <field editable="1" name="WIKIPEDIA"/>
    <field editable="1" name="WOE_ID"/>
    <field editable="1" name="WOE_ID_EH"/>
    <field editable="1" name="WOE_NOTE"/>
    <field editable="1" name="featurecla"/>
    <field editable="1" name="fid"/>
    <field editable="1" name="iso_a2"/>
    <field editable="1" name="scalerank"/>
  </editable>
  <labelOnTop>
    <field name="ABBREV" labelOnTop="0"/>
    <field name="ABBREV_LEN" labelOnTop="0"/>
    <field name="ADM0_A3" labelOnTop="0"/>
    <field name="ADM0_A3_IS" labelOnTop="0"/>
    <field name="ADM0_A3_UN" labelOnTop="0"/>
    <field name="ADM0_A3_US" labelOnTop="0"/>
    <field name="ADM0_A3_WB" labelOnTop="0"/>
    <field name="ADM0_DIF" labelOnTop="0"/>
    <field name="ADMIN" labelOnTop="0"/>
    <field name="BRK_A3" labelOnTop="0"/>
    <field name="BRK_DIFF" labelOnTop="0"/>
    <field name="BRK_GROUP" labelOnTop="0"/>
    <field name="BRK_NAME" labelOnTop="0"/>
    <field name="CONTINENT" labelOnTop="0"/>
    <field name="ECONOMY" labelOnTop="0"/>
    <field name="FIPS_10_" labelOnTop="0"/>
    <field name="FORMAL_EN" labelOnTop="0"/>
    <field name="FORMAL_FR" labelOnTop="0"/>
    <field name="GDP_MD_EST" labelOnTop="0"/>
    <field name="GDP_YEAR" labelOnTop="0"/>
    <field name="GEOUNIT" labelOnTop="0"/>
    <field name="GEOU_DIF" labelOnTop="0"/>
    <field name="GU_A3" labelOnTop="0"/>
    <field name="HOMEPART" labelOnTop="0"/>
    <field name="INCOME_GRP" labelOnTop="0"/>
    <field name="ISO_A2" labelOnTop="0"/>
    <field name="ISO_A3" labelOnTop="0"/>
    <field name="ISO_A3_EH" labelOnTop="0"/>
    <field name="ISO_N3" labelOnTop="0"/>
    <field name="LABELRANK" labelOnTop="0"/>
    <field name="LASTCENSUS" labelOnTop="0"/>
    <field name="LEVEL" labelOnTop="0"/>
    <field name="LONG_LEN" labelOnTop="0"/>
    <field name="MAPCOLOR13" labelOnTop="0"/>
    <field name="MAPCOLOR7" labelOnTop="0"/>
    <field name="MAPCOLOR8" labelOnTop="0"/>
    <field name="MAPCOLOR9" labelOnTop="0"/>
    <field name="MAX_LABEL" labelOnTop="0"/>
    <field name="MIN_LABEL" labelOnTop="0"/>
    <field name="MIN_ZOOM" labelOnTop="0"/>
    <field name="NAME" labelOnTop="0"/>
    <field name="NAME_ALT" labelOnTop="0"/>
    <field name="NAME_AR" labelOnTop="0"/>
    <field name="NAME_BN" labelOnTop="0"/>
    <field name="NAME_CIAWF" labelOnTop="0"/>
    <field name="NAME_DE" labelOnTop="0"/>
    <field name="NAME_EL" labelOnTop="0"/>
    <field name="NAME_EN" labelOnTop="0"/>
    <field name="NAME_ES" labelOnTop="0"/>
    <field name="NAME_FR" labelOnTop="0"/>
    <field name="NAME_HI" labelOnTop="0"/>
    <field name="NAME_HU" labelOnTop="0"/>
    <field name="NAME_ID" labelOnTop="0"/>
    <field name="NAME_IT" labelOnTop="0"/>
    <field name="NAME_JA" labelOnTop="0"/>
    <field name="NAME_KO" labelOnTop="0"/>
    <field name="NAME_LEN" labelOnTop="0"/>
    <field name="NAME_LONG" labelOnTop="0"/>
    <field name="NAME_NL" labelOnTop="0"/>
    <field name="NAME_PL" labelOnTop="0"/>
    <field name="NAME_PT" labelOnTop="0"/>
    <field name="NAME_RU" labelOnTop="0"/>
    <field name="NAME_SORT" labelOnTop="0"/>
    <field name="NAME_SV" labelOnTop="0"/>
    <field name="NAME_TR" labelOnTop="0"/>
    <field name="NAME_VI" labelOnTop="0"/>
    <field name="NAME_ZH" labelOnTop="0"/>
    <field name="NE_ID" labelOnTop="0"/>
    <field name="NOTE_ADM0" labelOnTop="0"/>
    <field name="NOTE_BRK" labelOnTop="0"/>
    <field name="POP_EST" labelOnTop="0"/>
    <field name="POP_RANK" labelOnTop="0"/>
    <field name="POP_YEAR" labelOnTop="0"/>
    <field name="POSTAL" labelOnTop="0"/>
    <field name="REGION_UN" labelOnTop="0"/>
    <field name="REGION_WB" labelOnTop="0"/>
    <field name="SOVEREIGNT" labelOnTop="0"/>
    <field name="SOV_A3" labelOnTop="0"/>
    <field name="SUBREGION" labelOnTop="0"/>
    <field name="SUBUNIT" labelOnTop="0"/>
    <field name="SU_A3" labelOnTop="0"/>
    <field name="SU_DIF" labelOnTop="0"/>
    <field name="TINY" labelOnTop="0"/>
    <field name="TYPE" labelOnTop="0"/>
    <field name="UN_A3" labelOnTop="0"/>
    <field name="WB_A2" labelOnTop="0"/>
    <field name="WB_A3" labelOnTop="0"/>
    <field name="WIKIDATAID" labelOnTop="0"/>
    <field name="WIKIPEDIA" labelOnTop="0"/>
    <field name="WOE_ID" labelOnTop="0"/>
    <field name="WOE_ID_EH" labelOnTop="0"/>
    <field name="WOE_NOTE" labelOnTop="0"/>
    <field name="featurecla" labelOnTop="0"/>
    <field name="fid" labelOnTop="0"/>
    <field name="iso_a2" labelOnTop="0"/>
    <field name="scalerank" labelOnTop="0"/>
  </labelOnTop>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression>NAME</previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>2</layerGeometryType>
</qgis>
